<?php

namespace App\Services\Import;

use Illuminate\Support\Facades\DB;

/**
 * Set-based upsert of one chunk by sku: one multi-row INSERT … ON CONFLICT (sku) DO UPDATE for
 * products (unchanged rows are not rewritten, so CDC carries only real changes; the slug of an
 * existing product is kept) and one for their stock. Runs inside the caller's transaction.
 */
class ProductUpserter
{
    private const COLUMNS = ['sku', 'name', 'slug', 'description', 'price', 'currency', 'category_id', 'brand_id', 'status', 'attributes'];

    /** @param list<array<string, mixed>> $rows validated (RowValidator) */
    public function upsert(array $rows): void
    {
        if ($rows === []) {
            return;
        }
        $values = [];
        $bindings = [];
        foreach ($rows as $row) {
            $values[] = '(?, ?, ?, ?, ?::numeric, ?, ?::bigint, ?::bigint, ?::product_status, ?::jsonb)';
            array_push($bindings, $row['sku'], $row['name'], $row['slug'], $row['description'], $row['price'], $row['currency'],
                $row['category_id'], $row['brand_id'], $row['status'], json_encode($row['attributes'] ?: new \stdClass(), JSON_UNESCAPED_UNICODE));
        }
        $updated = ['name', 'description', 'price', 'currency', 'category_id', 'brand_id', 'status', 'attributes'];
        $set = implode(', ', array_map(fn ($c) => "$c = EXCLUDED.$c", $updated));
        $changed = '('.implode(', ', array_map(fn ($c) => "products.$c", $updated)).') IS DISTINCT FROM ('.implode(', ', array_map(fn ($c) => "EXCLUDED.$c", $updated)).')';
        DB::statement('INSERT INTO products ('.implode(', ', self::COLUMNS).') VALUES '.implode(', ', $values)
            ." ON CONFLICT (sku) DO UPDATE SET $set WHERE $changed", $bindings);

        // a row with a stock value sets on_hand (never below what orders have reserved); a row without
        // one gives a new product 0 and leaves an existing product's stock alone
        $withStock = array_values(array_filter($rows, fn ($r) => $r['stock'] !== null));
        $withoutStock = array_values(array_filter($rows, fn ($r) => $r['stock'] === null));
        if ($withStock) {
            DB::statement('INSERT INTO inventory (product_id, on_hand)
                SELECT p.id, v.on_hand FROM (VALUES '.implode(', ', array_fill(0, count($withStock), '(?, ?::integer)')).') AS v(sku, on_hand)
                JOIN products p ON p.sku = v.sku
                ON CONFLICT (product_id) DO UPDATE SET on_hand = GREATEST(EXCLUDED.on_hand, inventory.reserved)
                WHERE inventory.on_hand IS DISTINCT FROM GREATEST(EXCLUDED.on_hand, inventory.reserved)',
                array_merge(...array_map(fn ($r) => [$r['sku'], $r['stock']], $withStock)));
        }
        if ($withoutStock) {
            DB::statement('INSERT INTO inventory (product_id, on_hand)
                SELECT p.id, 0 FROM products p WHERE p.sku IN ('.implode(', ', array_fill(0, count($withoutStock), '?')).')
                ON CONFLICT (product_id) DO NOTHING', array_column($withoutStock, 'sku'));
        }
    }
}
