<?php

namespace App\Services\Jwt;

use App\Services\Gateway\GatewayHttp;
use App\Services\Gateway\GatewayUnavailable;
use Illuminate\Contracts\Cache\Repository as Cache;

/**
 * The gateway's JWKS, cached (jwks_cache_seconds). An unknown kid refetches the set, at most once
 * per jwks_refetch_interval across all workers (a cache lock key), so forged kids can't turn every
 * request into a JWKS download.
 */
class JwksClient implements KeySet
{
    private const CACHE_KEY = 'auth:jwks';
    private const REFETCH_KEY = 'auth:jwks:refetched';

    /** @var array<string, string>|null kid => PEM, for this process */
    private ?array $keys = null;

    public function __construct(
        private readonly GatewayHttp $http,
        private readonly string $path,
        private readonly Cache $cache,
        private readonly int $cacheSeconds,
        private readonly int $refetchIntervalSeconds,
    ) {
    }

    public function publicKey(string $kid): ?string
    {
        $this->keys ??= $this->cache->get(self::CACHE_KEY) ?? $this->fetch();
        if (! isset($this->keys[$kid]) && $this->cache->add(self::REFETCH_KEY, 1, $this->refetchIntervalSeconds)) {
            $this->keys = $this->fetch();
        }

        return $this->keys[$kid] ?? null;
    }

    /** @return array<string, string> */
    private function fetch(): array
    {
        $response = $this->http->send('GET', $this->path);
        if (! $response->ok() || ! is_array($response->body['keys'] ?? null)) {
            throw new GatewayUnavailable("JWKS fetch failed ({$response->status})");
        }
        $keys = [];
        foreach ($response->body['keys'] as $jwk) {
            if (is_array($jwk) && is_string($jwk['kid'] ?? null) && ($jwk['alg'] ?? 'RS256') === 'RS256' && ($jwk['use'] ?? 'sig') === 'sig') {
                $keys[$jwk['kid']] = RsaJwk::toPem($jwk);
            }
        }
        $this->cache->put(self::CACHE_KEY, $keys, $this->cacheSeconds);

        return $keys;
    }
}
