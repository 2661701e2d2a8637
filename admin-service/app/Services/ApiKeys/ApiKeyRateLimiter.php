<?php

namespace App\Services\ApiKeys;

use App\Models\ApiKey;
use Illuminate\Redis\Connections\Connection;

/**
 * The per-key rate limit of service API keys on the admin's /admin/api/*: a fixed window in Redis
 * (`throttle:catalog-api:key:<id>:hits|block`) with the gateway's own script
 * (api-gateway/src/common/rate-limit/fixed-window.ts), so every php-fpm worker shares the count.
 * Its own bucket and limit (CATALOG_API_KEY_RATE_LIMIT per CATALOG_API_KEY_RATE_TTL_SECONDS, 1800 / 60):
 * catalog scripts write in bulk (the fault suite drives up to 20 writes/s through one key), which the
 * gateway's ops-sized limit (API_KEY_RATE_LIMIT, 600 / 60 s) would throttle.
 */
class ApiKeyRateLimiter
{
    /** Copy of the gateway's FIXED_WINDOW_SCRIPT. KEYS: hits, block. ARGV: window ms, limit, block ms. */
    private const FIXED_WINDOW_SCRIPT = <<<'LUA'
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
LUA;

    public function __construct(
        private readonly Connection $redis,
        private readonly int $limit,
        private readonly int $windowSeconds,
        private readonly string $keyPrefix = '',
    ) {
    }

    /** Counts one request of the key; null when allowed, else the seconds until it may retry (Retry-After). */
    public function hit(ApiKey $key): ?int
    {
        $base = $this->keyPrefix.'throttle:catalog-api:key:'.$key->id;
        $ms = max(1, $this->windowSeconds) * 1000;
        [, , $blockMs] = $this->redis->eval(self::FIXED_WINDOW_SCRIPT, 2, "$base:hits", "$base:block", $ms, max(1, $this->limit), $ms);

        return (int) $blockMs > 0 ? max(1, (int) ceil($blockMs / 1000)) : null;
    }
}
