<?php

namespace App\Events;

use Illuminate\Broadcasting\PrivateChannel;
use Illuminate\Contracts\Broadcasting\ShouldBroadcastNow;

/** A customer placed an order (gateway outbox order.created): pops up on the dashboard and orders list. */
class OrderPlaced implements ShouldBroadcastNow
{
    /** @param array{id: int, number: string, status: string, total: string, currency: string, customer: ?string, placedAt: string} $order */
    public function __construct(public array $order)
    {
    }

    public function broadcastOn(): array
    {
        return [new PrivateChannel('admin.orders')];
    }

    /** The order itself is the payload (Echo listeners get it flat). */
    public function broadcastWith(): array
    {
        return $this->order;
    }

    public function broadcastAs(): string
    {
        return 'order.created';
    }
}
