<?php

namespace App\Services\Reports;

use App\Services\Dashboard\DashboardMetrics;
use Carbon\CarbonImmutable;
use Illuminate\Support\Facades\DB;

/**
 * Daily, weekly and monthly sales, each report ONE SQL statement. Buckets are
 * date_trunc(period, created_at AT TIME ZONE tz): calendar days, ISO weeks (Monday start) and
 * months of config orders.timezone, so a day across a DST change has 23 or 25 hours and still is
 * one bucket. Sales = orders that were paid (paid, shipped, delivered), as on the dashboard.
 * Every bucket of the range is listed (zeros included); a week bucket is named by its Monday,
 * which may fall before `from` (only orders inside the range count).
 */
class SalesReports
{
    public const PERIODS = ['day', 'week', 'month'];

    private const TOP = 10;

    public function build(string $period, CarbonImmutable $from, CarbonImmutable $to, ?string $timezone = null): SalesReport
    {
        if (! in_array($period, self::PERIODS, true)) {
            throw new \InvalidArgumentException("unknown report period {$period}");
        }
        $timezone ??= (string) config('orders.timezone');
        $row = DB::selectOne(self::SQL, [
            'period' => $period, 'tz' => $timezone, 'from' => $from->toDateString(), 'to' => $to->toDateString(),
            'statuses' => '{'.implode(',', DashboardMetrics::REVENUE_STATUSES).'}', 'top' => self::TOP,
        ]);
        $data = json_decode($row->report, true, 512, JSON_THROW_ON_ERROR);

        return new SalesReport(
            $period, $from, $to, $timezone,
            array_map(fn (array $b) => ['bucket' => $b['bucket'], 'orders' => (int) $b['orders'], 'units' => (int) $b['units'], 'revenue' => self::money($b['revenue']), 'average' => self::money($b['average'])], $data['buckets'] ?? []),
            ['orders' => (int) $data['totals']['orders'], 'units' => (int) $data['totals']['units'], 'revenue' => self::money($data['totals']['revenue']), 'average' => self::money($data['totals']['average'])],
            array_map(fn (array $p) => ['id' => (int) $p['id'], 'sku' => $p['sku'], 'name' => $p['name'], 'units' => (int) $p['units'], 'revenue' => self::money($p['revenue'])], $data['products'] ?? []),
            array_map(fn (array $c) => ['id' => (int) $c['id'], 'name' => $c['name'], 'path' => $c['path'], 'units' => (int) $c['units'], 'revenue' => self::money($c['revenue'])], $data['categories'] ?? []),
        );
    }

    private static function money(mixed $value): string
    {
        return number_format((float) $value, 2, '.', '');
    }

    // Range: [from 00:00, to+1 00:00) local time, converted to timestamptz by PostgreSQL (DST-aware).
    private const SQL = <<<'SQL'
WITH bounds AS (
    SELECT (:from::date)::timestamp AS local_start, (:to::date + 1)::timestamp AS local_end
), sold AS (
    SELECT o.id, o.total, date_trunc(:period, o.created_at AT TIME ZONE :tz) AS bucket
    FROM orders o
    WHERE o.created_at >= (:from::date)::timestamp AT TIME ZONE :tz AND o.created_at < (:to::date + 1)::timestamp AT TIME ZONE :tz
      AND o.status = ANY (:statuses::order_status[])
), lines AS (
    SELECT s.bucket, i.product_id, i.quantity, i.line_total
    FROM order_items i JOIN sold s ON s.id = i.order_id
), per_bucket AS (
    SELECT s.bucket, s.orders, s.revenue, coalesce(l.units, 0) AS units
    FROM (SELECT bucket, count(*) AS orders, sum(total) AS revenue FROM sold GROUP BY bucket) s
    LEFT JOIN (SELECT bucket, sum(quantity) AS units FROM lines GROUP BY bucket) l USING (bucket)
), per_product AS (
    SELECT product_id, sum(quantity) AS units, sum(line_total) AS revenue FROM lines GROUP BY product_id
), series AS (
    SELECT generate_series(date_trunc(:period, b.local_start), b.local_end - interval '1 day', ('1 ' || :period)::interval) AS bucket
    FROM bounds b
)
SELECT json_build_object(
    'buckets', (
        SELECT coalesce(json_agg(json_build_object(
            'bucket', to_char(se.bucket, 'YYYY-MM-DD'),
            'orders', coalesce(pb.orders, 0),
            'units', coalesce(pb.units, 0),
            'revenue', coalesce(pb.revenue, 0),
            'average', coalesce(round(pb.revenue / nullif(pb.orders, 0), 2), 0)
        ) ORDER BY se.bucket), '[]')
        FROM series se LEFT JOIN per_bucket pb ON pb.bucket = se.bucket
    ),
    'totals', (
        SELECT json_build_object('orders', coalesce(sum(orders), 0), 'units', coalesce(sum(units), 0), 'revenue', coalesce(sum(revenue), 0),
                                 'average', coalesce(round(sum(revenue) / nullif(sum(orders), 0), 2), 0))
        FROM per_bucket
    ),
    'products', (
        SELECT coalesce(json_agg(t ORDER BY t.revenue DESC, t.id), '[]') FROM (
            SELECT pp.product_id AS id, p.sku, p.name, pp.units, pp.revenue
            FROM (SELECT * FROM per_product ORDER BY revenue DESC, product_id LIMIT :top) pp JOIN products p ON p.id = pp.product_id
        ) t
    ),
    'categories', (
        SELECT coalesce(json_agg(t ORDER BY t.revenue DESC, t.id), '[]') FROM (
            SELECT c.id, c.name, pc.units, pc.revenue,
                   -- 'Men › Jackets': the names along categories.path ('/1/7/23/'), root first
                   (SELECT string_agg(a.name, ' › ' ORDER BY a.depth) FROM categories a
                    WHERE a.id = ANY (string_to_array(trim(both '/' from c.path), '/')::bigint[])) AS path
            FROM (
                SELECT p.category_id, sum(pp.units) AS units, sum(pp.revenue) AS revenue
                FROM per_product pp JOIN products p ON p.id = pp.product_id
                GROUP BY p.category_id ORDER BY sum(pp.revenue) DESC, p.category_id LIMIT :top
            ) pc JOIN categories c ON c.id = pc.category_id
        ) t
    )
) AS report
SQL;
}
