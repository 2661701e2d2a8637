<?php

namespace App\Events;

use Illuminate\Broadcasting\PrivateChannel;
use Illuminate\Contracts\Broadcasting\ShouldBroadcastNow;

/** An order moved (gateway outbox order.status_changed, whoever moved it): updates its open page and the lists. */
class OrderStatusChanged implements ShouldBroadcastNow
{
    /**
     * @param array{id: int, number: string, status: string, previousStatus: ?string, occurredAt: string,
     *   history: ?array{id: int, at: string, from: string, to: string, by: string, reason: ?string}} $order
     *   history: the order page's new status-history row (App\Services\Broadcasting\OrderHistoryRow), null when none was found
     */
    public function __construct(public array $order)
    {
    }

    public function broadcastOn(): array
    {
        return [new PrivateChannel('admin.orders'), new PrivateChannel('admin.orders.'.$this->order['id'])];
    }

    /** The order itself is the payload (Echo listeners get it flat). */
    public function broadcastWith(): array
    {
        return $this->order;
    }

    public function broadcastAs(): string
    {
        return 'order.status_changed';
    }
}
