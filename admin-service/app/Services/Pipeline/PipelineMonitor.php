<?php

namespace App\Services\Pipeline;

use App\Services\Gateway\GatewayOpsClient;
use App\Services\Gateway\GatewayUnavailable;

/** Reads the CDC pipeline's state from the gateway's ops endpoint; never throws for a gateway problem. */
class PipelineMonitor
{
    public function __construct(private GatewayOpsClient $ops)
    {
    }

    public function snapshot(): PipelineSnapshot
    {
        try {
            $response = $this->ops->pipeline();
        } catch (GatewayUnavailable $e) {
            return PipelineSnapshot::failed('The gateway is unreachable: '.$e->getMessage());
        }
        if ($response->status === 401 || $response->status === 403) {
            return PipelineSnapshot::failed("The gateway refused the admin's service key ({$response->status}: {$response->message()}). Check ADMIN_SERVICE_API_KEY and its scopes.");
        }
        if (! $response->ok() || ! is_array($response->body)) {
            return PipelineSnapshot::failed("The gateway answered {$response->status}: {$response->message()}");
        }

        return PipelineSnapshot::of($response->body);
    }
}
