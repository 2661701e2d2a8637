<?php

namespace App\Services\Dashboard;

use Carbon\CarbonImmutable;
use Illuminate\Support\Facades\DB;

/**
 * The dashboard's figures, each computed by PostgreSQL in one statement (five in all) over
 * indexed ranges: orders.created_at for the sales windows, orders(status, created_at) index-only
 * for the status counts, inventory((on_hand - reserved), product_id) for low stock.
 * Days are UTC days; revenue counts orders that were paid (paid, shipped, delivered).
 */
class DashboardMetrics
{
    public const REVENUE_STATUSES = ['paid', 'shipped', 'delivered'];

    public const WINDOWS = [1 => 'today', 7 => '7 days', 30 => '30 days'];

    public function __construct(private int $lowStockThreshold = 5, private int $listSize = 10)
    {
    }

    /** @return array{sales: array, daily: array, statuses: array, lowStock: array, topSellers: array, customers: array, lowStockThreshold: int} */
    public function compute(?CarbonImmutable $now = null): array
    {
        $today = ($now ?? CarbonImmutable::now('UTC'))->setTimezone('UTC')->startOfDay();
        $from = $today->subDays(29);
        [$sales, $daily] = $this->sales($today, $from);

        return [
            'sales' => $sales,
            'daily' => $daily,
            'statuses' => $this->statuses(),
            'lowStock' => $this->lowStock(),
            'topSellers' => $this->topSellers($from),
            'customers' => $this->customers($today, $from),
            'lowStockThreshold' => $this->lowStockThreshold,
        ];
    }

    /** Orders and revenue per UTC day of the last 30 (zero days included), and the 1/7/30-day totals. */
    private function sales(CarbonImmutable $today, CarbonImmutable $from): array
    {
        $rows = DB::select(<<<'SQL'
WITH daily AS (
  SELECT date_trunc('day', created_at, 'UTC') AS day, count(*) AS orders,
         coalesce(sum(total) FILTER (WHERE status = ANY (?::order_status[])), 0) AS revenue
    FROM orders WHERE created_at >= ?::timestamptz GROUP BY 1
), days AS (
  SELECT ?::timestamptz + g * interval '24 hours' AS day FROM generate_series(0, 29) g
)
SELECT 'day' AS kind, to_char(days.day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS label,
       coalesce(daily.orders, 0) AS orders, coalesce(daily.revenue, 0) AS revenue
  FROM days LEFT JOIN daily ON daily.day = days.day
UNION ALL
SELECT 'window', w.days::text, coalesce(sum(daily.orders), 0), coalesce(sum(daily.revenue), 0)
  FROM (VALUES (1), (7), (30)) w(days)
  LEFT JOIN daily ON daily.day >= ?::timestamptz - (w.days - 1) * interval '24 hours'
 GROUP BY w.days
SQL, [$this->pgArray(self::REVENUE_STATUSES), $this->ts($from), $this->ts($from), $this->ts($today)]);

        $daily = [];
        $sales = [];
        foreach ($rows as $r) {
            $point = ['orders' => (int) $r->orders, 'revenue' => (string) $r->revenue];
            if ($r->kind === 'day') {
                $daily[] = ['date' => $r->label] + $point;
            } else {
                $sales[(int) $r->label] = ['label' => self::WINDOWS[(int) $r->label]] + $point;
            }
        }
        usort($daily, fn ($a, $b) => strcmp($a['date'], $b['date']));
        ksort($sales);

        return [$sales, $daily];
    }

    /** Every order status (enum order) with its count, zeros included. */
    private function statuses(): array
    {
        $rows = DB::select(<<<'SQL'
SELECT e.s::text AS status, coalesce(c.n, 0) AS orders
  FROM unnest(enum_range(NULL::order_status)) WITH ORDINALITY AS e(s, i)
  LEFT JOIN (SELECT status, count(*) AS n FROM orders GROUP BY status) c ON c.status = e.s
 ORDER BY e.i
SQL);

        return array_map(fn ($r) => ['status' => $r->status, 'orders' => (int) $r->orders], $rows);
    }

    /** Sellable products with the least available stock (on_hand - reserved <= threshold). */
    private function lowStock(): array
    {
        $rows = DB::select(<<<'SQL'
SELECT p.id, p.sku, p.name, i.on_hand, i.reserved, i.on_hand - i.reserved AS available
  FROM inventory i JOIN products p ON p.id = i.product_id
 WHERE i.on_hand - i.reserved <= ? AND p.deleted_at IS NULL AND p.status = 'active'
 ORDER BY i.on_hand - i.reserved, i.product_id
 LIMIT ?
SQL, [$this->lowStockThreshold, $this->listSize]);

        return array_map(fn ($r) => [
            'id' => (int) $r->id, 'sku' => $r->sku, 'name' => $r->name,
            'onHand' => (int) $r->on_hand, 'reserved' => (int) $r->reserved, 'available' => (int) $r->available,
        ], $rows);
    }

    /** Products by paid revenue over the 30-day window. */
    private function topSellers(CarbonImmutable $from): array
    {
        $rows = DB::select(<<<'SQL'
SELECT p.id, p.sku, p.name, t.units, t.revenue
  FROM (SELECT oi.product_id, sum(oi.quantity) AS units, sum(oi.line_total) AS revenue
          FROM order_items oi JOIN orders o ON o.id = oi.order_id
         WHERE o.created_at >= ?::timestamptz AND o.status = ANY (?::order_status[])
         GROUP BY oi.product_id
         ORDER BY revenue DESC, oi.product_id
         LIMIT ?) t
  JOIN products p ON p.id = t.product_id
 ORDER BY t.revenue DESC, p.id
SQL, [$this->ts($from), $this->pgArray(self::REVENUE_STATUSES), $this->listSize]);

        return array_map(fn ($r) => [
            'id' => (int) $r->id, 'sku' => $r->sku, 'name' => $r->name, 'units' => (int) $r->units, 'revenue' => (string) $r->revenue,
        ], $rows);
    }

    /** Customer sign-ups per window and the latest five. */
    private function customers(CarbonImmutable $today, CarbonImmutable $from): array
    {
        $r = DB::selectOne(<<<'SQL'
SELECT count(*) FILTER (WHERE created_at >= ?::timestamptz) AS today,
       count(*) FILTER (WHERE created_at >= ?::timestamptz) AS week,
       count(*) AS month,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT id, name, email, created_at FROM users WHERE role = 'customer' ORDER BY created_at DESC, id DESC LIMIT 5
       ) x) AS latest
  FROM users WHERE role = 'customer' AND created_at >= ?::timestamptz
SQL, [$this->ts($today), $this->ts($today->subDays(6)), $this->ts($from)]);

        return [
            'counts' => [1 => (int) $r->today, 7 => (int) $r->week, 30 => (int) $r->month],
            'latest' => json_decode($r->latest, true),
        ];
    }

    /** An ISO 8601 timestamp with its offset (Laravel would bind a Carbon without one). */
    private function ts(CarbonImmutable $t): string
    {
        return $t->format('Y-m-d\TH:i:sP');
    }

    private function pgArray(array $values): string
    {
        return '{'.implode(',', $values).'}';
    }
}
