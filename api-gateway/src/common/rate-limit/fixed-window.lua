-- Fixed-window counter with a block key, atomically in one round trip, so every gateway process
-- and every admin php-fpm worker shares the same limits. KEYS: hits, block. ARGV: window ms,
-- limit, block ms. Returns {totalHits, windowTtlMs, blockTtlMs}; blockTtlMs > 0 means refused.
-- Read by fixed-window.ts (gateway) and admin-service/app/Services/ApiKeys/ApiKeyRateLimiter.php
-- (the admin image, built from the repository root, copies it beside the app: admin-service/Dockerfile).
local hitsKey = KEYS[1]
local blockKey = KEYS[2]
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local blockDuration = tonumber(ARGV[3])
local blockTtl = redis.call('PTTL', blockKey)
if blockTtl > 0 then
  local hits = tonumber(redis.call('GET', hitsKey) or '0')
  return {hits, redis.call('PTTL', hitsKey), blockTtl}
end
local hits = redis.call('INCR', hitsKey)
if hits == 1 then redis.call('PEXPIRE', hitsKey, ttl) end
local hitsTtl = redis.call('PTTL', hitsKey)
if hitsTtl < 0 then redis.call('PEXPIRE', hitsKey, ttl); hitsTtl = ttl end
if hits > limit then
  redis.call('SET', blockKey, '1', 'PX', blockDuration)
  return {hits, hitsTtl, blockDuration}
end
return {hits, hitsTtl, 0}
