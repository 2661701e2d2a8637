<?php

namespace App\Services\Orders;

use App\Services\Gateway\GatewayHttp;
use App\Services\Gateway\GatewayResponse;
use App\Services\Gateway\GatewayUnavailable;
use Illuminate\Contracts\Cache\Repository as Cache;

/**
 * The gateway's order endpoints, called with the signed-in admin's own access token, so the
 * gateway knows who acts (order_status_history.actor_user_id) and checks the admin role itself.
 */
class GatewayOrdersClient
{
    private const MACHINE_CACHE_KEY = 'orders:state-machine';

    public function __construct(private GatewayHttp $http, private Cache $cache, private ?int $machineCacheSeconds = null)
    {
        $this->machineCacheSeconds ??= (int) config('orders.state_machine_cache_seconds');
    }

    /** GET /api/orders/state-machine, cached (it changes only with a gateway release). */
    public function stateMachine(string $accessToken): OrderStateMachine
    {
        $body = $this->cache->get(self::MACHINE_CACHE_KEY);
        if (! is_array($body)) {
            $response = $this->http->send('GET', '/api/orders/state-machine', null, $this->bearer($accessToken));
            if (! $response->ok() || ! is_array($response->body)) {
                throw new GatewayUnavailable('order state machine: '.$response->message());
            }
            $body = $response->body;
            $this->cache->put(self::MACHINE_CACHE_KEY, $body, $this->machineCacheSeconds);
        }

        return OrderStateMachine::fromGateway($body);
    }

    /** PATCH /api/orders/:id/status: 200 moved, 404, 409 illegal move, 422 not a manual target, 400 unknown status. */
    public function changeStatus(int $orderId, string $status, string $accessToken): GatewayResponse
    {
        return $this->http->send('PATCH', "/api/orders/{$orderId}/status", ['status' => $status], $this->bearer($accessToken));
    }

    /** @return array<string, string> */
    private function bearer(string $accessToken): array
    {
        return ['Authorization' => 'Bearer '.$accessToken];
    }
}
