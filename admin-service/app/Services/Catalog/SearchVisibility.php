<?php

namespace App\Services\Catalog;

use App\Services\Gateway\GatewayHttp;
use App\Services\Gateway\GatewayUnavailable;

/**
 * "Live in search": asks the gateway whether the index caught up with a consistency token
 * (<productId>.<lsn>, ProductWriter::consistencyToken) — GET /api/products?consistentWith=,
 * answered with X-Consistency: applied | stale after at most SEARCH_CONSISTENCY_TIMEOUT_MS.
 */
class SearchVisibility
{
    public function isLive(string $token, string $accessToken): ?bool
    {
        if (! preg_match('/^\d+\.\d+$/', $token)) {
            return null;
        }
        $http = new GatewayHttp((string) config('services.gateway.url'), 8.0);
        try {
            $response = $http->send('GET', '/api/products?pageSize=1&consistentWith='.$token, null, ['Authorization' => 'Bearer '.$accessToken]);
        } catch (GatewayUnavailable) {
            return null;
        }
        if (! $response->ok()) {
            return null;
        }

        return ($response->headers['x-consistency'] ?? '') === 'applied';
    }
}
