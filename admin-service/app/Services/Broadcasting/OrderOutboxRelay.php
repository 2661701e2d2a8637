<?php

namespace App\Services\Broadcasting;

use App\Events\OrderPlaced;
use App\Events\OrderStatusChanged;
use Illuminate\Contracts\Events\Dispatcher;
use Illuminate\Support\Facades\DB;

/**
 * Turns the gateway's order events (its transactional outbox) into Laravel broadcasts. The
 * outbox is read, never written: the gateway's relay still publishes to Kafka and marks rows.
 * Ids are assigned at insert but become visible at commit, so a row with a lower id can appear
 * after a higher one: each poll re-reads a window of recent ids and skips the ones already sent.
 */
class OrderOutboxRelay
{
    private const LOOKBACK_IDS = 1000;

    private int $cursor;

    /** @var array<int, true> ids already broadcast (pruned below the look-back window) */
    private array $sent = [];

    public function __construct(private Dispatcher $events)
    {
    }

    /** Starts at the current end of the outbox: live updates, not history. */
    public function startAtEnd(): void
    {
        $this->cursor = (int) DB::table('outbox')->max('id');
    }

    /** One poll; returns how many events were broadcast. */
    public function poll(): int
    {
        $rows = DB::select(
            "SELECT o.id, o.event_type, o.payload::text AS payload, u.email
             FROM outbox o
             LEFT JOIN orders ord ON ord.id = (o.aggregate_id)::bigint
             LEFT JOIN users u ON u.id = ord.user_id
             WHERE o.id > ? AND o.aggregate_type = 'order' AND o.event_type IN ('order.created', 'order.status_changed')
               AND o.created_at > now() - interval '5 minutes'
             ORDER BY o.id LIMIT 500",
            [max(0, $this->cursor - self::LOOKBACK_IDS)],
        );
        $count = 0;
        foreach ($rows as $row) {
            $id = (int) $row->id;
            if (isset($this->sent[$id]) || $id <= $this->cursor - self::LOOKBACK_IDS) {
                continue;
            }
            // marked only once published: a failed publish (Redis away) is retried by the next poll
            $payload = json_decode($row->payload, true);
            if (is_array($payload) && isset($payload['orderId'], $payload['orderNumber'], $payload['status'])) {
                $this->broadcast($row->event_type, $payload, $row->email);
            }
            $this->sent[$id] = true;
            $this->cursor = max($this->cursor, $id);
            $count++;
        }
        $floor = $this->cursor - self::LOOKBACK_IDS;
        $this->sent = array_filter($this->sent, fn ($v, $id) => $id > $floor, ARRAY_FILTER_USE_BOTH);

        return $count;
    }

    /** @param array<string, mixed> $p the gateway's OrderEventPayload */
    private function broadcast(string $type, array $p, ?string $email): void
    {
        $id = (int) $p['orderId'];
        if ($type === 'order.created') {
            $this->events->dispatch(new OrderPlaced([
                'id' => $id, 'number' => (string) $p['orderNumber'], 'status' => (string) $p['status'], 'total' => (string) $p['total'],
                'currency' => (string) $p['currency'], 'customer' => $email, 'placedAt' => (string) $p['occurredAt'],
            ]));
        } else {
            $this->events->dispatch(new OrderStatusChanged([
                'id' => $id, 'number' => (string) $p['orderNumber'], 'status' => (string) $p['status'],
                'previousStatus' => $p['previousStatus'] ?? null, 'occurredAt' => (string) $p['occurredAt'],
            ]));
        }
    }
}
