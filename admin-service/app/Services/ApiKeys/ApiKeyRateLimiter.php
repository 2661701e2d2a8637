<?php

namespace App\Services\ApiKeys;

use App\Models\ApiKey;
use Illuminate\Redis\Connections\Connection;

/**
 * The per-key rate limit of service API keys on the admin's /admin/api/*: a fixed window in Redis
 * (`throttle:catalog-api:key:<id>:hits|block`) with the gateway's own script
 * (api-gateway/src/common/rate-limit/fixed-window.lua), so every php-fpm worker shares the count.
 * Its own bucket and limit (CATALOG_API_KEY_RATE_LIMIT per CATALOG_API_KEY_RATE_TTL_SECONDS, 1800 / 60):
 * catalog scripts write in bulk (the fault suite drives up to 20 writes/s through one key), which the
 * gateway's ops-sized limit (API_KEY_RATE_LIMIT, 600 / 60 s) would throttle.
 */
class ApiKeyRateLimiter
{
    /**
     * The gateway's fixed-window script, its one source (KEYS: hits, block. ARGV: window ms, limit,
     * block ms). Natively it sits beside admin-service/; the admin image, built from the repository
     * root, copies it to the same relative place (admin-service/Dockerfile).
     */
    public static function scriptFile(): string
    {
        return dirname(base_path()).'/api-gateway/src/common/rate-limit/fixed-window.lua';
    }

    private static ?string $script = null;

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
        [, , $blockMs] = $this->redis->eval(self::script(), 2, "$base:hits", "$base:block", $ms, max(1, $this->limit), $ms);

        return (int) $blockMs > 0 ? max(1, (int) ceil($blockMs / 1000)) : null;
    }

    private static function script(): string
    {
        if (self::$script === null) {
            $script = @file_get_contents(self::scriptFile());
            if ($script === false) {
                throw new \RuntimeException('fixed-window script not readable: '.self::scriptFile());
            }
            self::$script = $script;
        }

        return self::$script;
    }
}
