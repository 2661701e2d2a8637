<?php

namespace App\Services\Broadcasting;

use App\Events\OrderPlaced;
use App\Events\OrderStatusChanged;
use App\Models\OrderStatusChange;
use Illuminate\Contracts\Events\Dispatcher;
use Illuminate\Support\Facades\DB;

/**
 * Turns the gateway's order events (its transactional outbox) into Laravel broadcasts. The
 * outbox is read, never written (Debezium publishes the rows to Kafka from the WAL).
 * Ids are assigned at insert but become visible at commit, so a row with a lower id can appear
 * after a higher one: each read re-reads a window of recent ids and skips the ones already sent.
 * No polling: the order worker NOTIFYs `admin_order_events` once Debezium delivered new order
 * events (api-gateway/src/order-worker/admin-order-events.notifier.ts); the command LISTENs and
 * reads when woken, plus a safety read after a long quiet wait.
 */
class OrderOutboxRelay
{
    public const CHANNEL = 'admin_order_events';

    private const LOOKBACK_IDS = 1000;

    private int $cursor;

    /** ids up to here existed before startAtEnd(): history, never broadcast */
    private int $floor = 0;

    /** @var array<int, true> ids already broadcast (pruned below the look-back window) */
    private array $sent = [];

    public function __construct(private Dispatcher $events)
    {
    }

    /** Starts at the current end of the outbox: live updates, not history. */
    public function startAtEnd(): void
    {
        $this->cursor = (int) DB::table('outbox')->max('id');
        $this->floor = $this->cursor;
    }

    /** LISTEN on the order worker's channel (again after a reconnect: a new session forgets it). */
    public function listen(): void
    {
        DB::connection()->getPdo()->exec('LISTEN '.self::CHANNEL);
    }

    /**
     * Blocks (in poll(2), no CPU) until a notification arrives or $timeoutMs passes, then drains
     * the queued ones; true when woken by a notification. A notification sent while the previous
     * read ran is already queued, so no wake-up is lost between a read and the next wait.
     */
    public function waitForNotification(int $timeoutMs): bool
    {
        $pdo = DB::connection()->getPdo();
        if ($pdo->pgsqlGetNotify(\PDO::FETCH_ASSOC, $timeoutMs) === false) {
            return false;
        }
        while ($pdo->pgsqlGetNotify(\PDO::FETCH_ASSOC, 0) !== false) {
            // drained: one read covers them all
        }

        return true;
    }

    /** One read of the new outbox rows; returns how many events were broadcast. */
    public function poll(): int
    {
        $rows = DB::select(
            "SELECT o.id, o.event_type, o.payload::text AS payload, u.email, hist.id AS history_id
             FROM outbox o
             LEFT JOIN orders ord ON ord.id = (o.aggregate_id)::bigint
             LEFT JOIN users u ON u.id = ord.user_id
             -- the history row of a status change: the gateway writes it in the event's transaction
             -- (same now()); the nearest matching move within a minute, should that ever differ
             LEFT JOIN LATERAL (
               SELECT h.id FROM order_status_history h
               WHERE o.event_type = 'order.status_changed' AND h.order_id = ord.id
                 AND h.to_status::text = o.payload->>'status' AND h.from_status::text = o.payload->>'previousStatus'
                 AND h.created_at BETWEEN o.created_at - interval '1 minute' AND o.created_at + interval '1 minute'
               ORDER BY abs(extract(epoch FROM h.created_at - o.created_at)), h.id DESC LIMIT 1
             ) hist ON true
             WHERE o.id > ? AND o.aggregate_type = 'order' AND o.event_type IN ('order.created', 'order.status_changed')
               AND o.created_at > now() - interval '5 minutes' AND o.id <> ALL (?::bigint[])
             ORDER BY o.id LIMIT 500",
            // ids already sent are excluded in SQL, so they never fill the LIMIT and hide newer rows
            [max(0, $this->floor, $this->cursor - self::LOOKBACK_IDS), '{'.implode(',', array_keys($this->sent)).'}'],
        );
        $historyIds = array_values(array_filter(array_map(fn ($row) => $row->history_id, $rows), fn ($id) => $id !== null));
        $history = $historyIds ? OrderStatusChange::with('actor:id,email')->whereIn('id', $historyIds)->get()->keyBy('id') : collect();
        $count = 0;
        foreach ($rows as $row) {
            $id = (int) $row->id;
            if (isset($this->sent[$id]) || $id <= $this->cursor - self::LOOKBACK_IDS) {
                continue;
            }
            // marked only once published: a failed publish (Redis away) is retried by the next read
            $payload = json_decode($row->payload, true);
            if (is_array($payload) && isset($payload['orderId'], $payload['orderNumber'], $payload['status'])) {
                $this->broadcast($row->event_type, $payload, $row->email, $row->history_id === null ? null : $history->get($row->history_id));
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
    private function broadcast(string $type, array $p, ?string $email, ?OrderStatusChange $change): void
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
                'history' => $change ? OrderHistoryRow::of($change, (string) config('orders.timezone')) : null,
            ]));
        }
    }
}
