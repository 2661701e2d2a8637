<?php

namespace App\Services\Gateway;

/**
 * The admin as a service client of the gateway's /api/ops routes, authenticated by its own
 * API key (X-Api-Key, config services.gateway.api_key, provisioned by api-key:provision-service).
 */
class GatewayOpsClient
{
    public function __construct(private GatewayHttp $http, private ?string $apiKey = null)
    {
        $this->apiKey ??= config('services.gateway.api_key');
    }

    /** GET /api/ops/pipeline (scope ops:read). */
    public function pipeline(): GatewayResponse
    {
        return $this->send('GET', '/api/ops/pipeline');
    }

    /**
     * POST /api/ops/connector/restart (scope ops:write). The gateway writes the admin_audit_log row
     * (connector.restart or connector.resume) for the admin $userId from $ip.
     */
    public function restartConnector(int $userId, ?string $ip): GatewayResponse
    {
        $actor = ['userId' => $userId] + (filter_var($ip, FILTER_VALIDATE_IP) ? ['ip' => $ip] : []);

        return $this->send('POST', '/api/ops/connector/restart', ['actor' => $actor]);
    }

    /** @throws GatewayUnavailable also when the admin has no service key configured */
    private function send(string $method, string $path, ?array $json = null): GatewayResponse
    {
        if ($this->apiKey === null || $this->apiKey === '') {
            throw new GatewayUnavailable('ADMIN_SERVICE_API_KEY is not set: the admin has no service key for the gateway');
        }

        return $this->http->send($method, $path, $json, ['X-Api-Key' => $this->apiKey]);
    }
}
