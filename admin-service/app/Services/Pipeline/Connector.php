<?php

namespace App\Services\Pipeline;

use App\Models\User;
use App\Services\Audit\AuditLogger;
use App\Services\Gateway\GatewayOpsClient;
use App\Services\Gateway\GatewayResponse;
use App\Services\Gateway\GatewayUnavailable;

/**
 * The Debezium connector, restarted through the gateway's ops endpoint. A restart the gateway
 * carried out is audited by the gateway (connector.restart|resume, with this admin as actor);
 * an attempt that never reached Connect is audited here as connector.restart_failed.
 */
class Connector
{
    public function __construct(private GatewayOpsClient $ops, private AuditLogger $audit)
    {
    }

    /** @throws GatewayUnavailable */
    public function restart(User $actor, ?string $ip = null): GatewayResponse
    {
        try {
            $response = $this->ops->restartConnector((int) $actor->getKey(), $ip);
        } catch (GatewayUnavailable $e) {
            $this->failed($actor, $ip, $e->getMessage());
            throw $e;
        }
        if (! $response->ok()) {
            $this->failed($actor, $ip, "{$response->status}: {$response->message()}");
        }

        return $response;
    }

    private function failed(User $actor, ?string $ip, string $error): void
    {
        $this->audit->recordFor($actor, 'connector.restart_failed', 'connector', null, ['error' => $error], $ip);
    }
}
