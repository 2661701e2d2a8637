<?php

namespace Tests\Feature\Admin;

use App\Services\Dashboard\DashboardMetrics;
use Carbon\CarbonImmutable;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\DB;
use Tests\TestCase;

/**
 * The dashboard's SQL on a throw-away PostgreSQL database built by the Laravel migrations (the
 * platform database holds other tests' orders, so exact figures need a database of their own).
 * Every test runs in a transaction that is rolled back.
 */
class DashboardMetricsTest extends TestCase
{
    private const DATABASE = 'commerce_admin_dashboard_test';

    private static bool $migrated = false;

    private CarbonImmutable $now;

    protected function setUp(): void
    {
        parent::setUp();
        $this->useScratchDatabase();
        DB::beginTransaction();
        $this->now = CarbonImmutable::parse('2026-11-30 15:00:00', 'UTC');
    }

    protected function tearDown(): void
    {
        DB::rollBack();
        parent::tearDown();
    }

    /** Rebuilt once per run, so it always has exactly today's migrations. */
    private function useScratchDatabase(): void
    {
        if (! self::$migrated) {
            DB::statement('DROP DATABASE IF EXISTS '.self::DATABASE.' WITH (FORCE)');
            DB::statement('CREATE DATABASE '.self::DATABASE);
        }
        config(['database.connections.pgsql.database' => self::DATABASE]);
        DB::purge('pgsql');
        if (! self::$migrated) {
            Artisan::call('migrate', ['--force' => true]);
            self::$migrated = true;
        }
    }

    public function test_windows_statuses_top_sellers_low_stock_and_customers(): void
    {
        $buyer = $this->user('buyer@example.test', $this->now->subDays(40));
        $this->user('today@example.test', $this->now->subHour());
        $this->user('lastweek@example.test', $this->now->subDays(6)->startOfDay()->addMinute());
        $this->user('admin@example.test', $this->now->subHour(), 'admin');
        [$mug, $lamp, $gone] = [$this->product('MUG', 3, 1), $this->product('LAMP', 50), $this->product('GONE', 0, 0, deleted: true)];

        // today, paid + a cancelled one (counts as an order, not as revenue)
        $this->order($buyer, 'paid', $this->now->subHours(2), [[$mug, 2, '10.00']]);
        $this->order($buyer, 'cancelled', $this->now->startOfDay(), [[$lamp, 1, '99.00']]);
        // 3 days ago shipped; 6 days ago (first minute of the 7-day window) delivered
        $this->order($buyer, 'shipped', $this->now->subDays(3), [[$lamp, 1, '40.00']]);
        $this->order($buyer, 'delivered', $this->now->subDays(6)->startOfDay(), [[$mug, 1, '10.00'], [$lamp, 1, '40.00']]);
        // 20 days ago refunded (not revenue); last second before the 30-day window: outside
        $this->order($buyer, 'refunded', $this->now->subDays(20), [[$lamp, 3, '40.00']]);
        $this->order($buyer, 'paid', $this->now->subDays(29)->startOfDay()->subSecond(), [[$lamp, 5, '40.00']]);

        $m = (new DashboardMetrics(lowStockThreshold: 5, listSize: 10))->compute($this->now);

        $this->assertSame([
            1 => ['label' => 'today', 'orders' => 2, 'revenue' => '20.00'],
            7 => ['label' => '7 days', 'orders' => 4, 'revenue' => '110.00'],
            30 => ['label' => '30 days', 'orders' => 5, 'revenue' => '110.00'],
        ], $m['sales']);
        $this->assertCount(30, $m['daily']);
        $this->assertSame(['date' => '2026-11-01', 'orders' => 0, 'revenue' => '0'], $m['daily'][0]);
        $this->assertSame(['date' => '2026-11-24', 'orders' => 1, 'revenue' => '50.00'], $m['daily'][23]);
        $this->assertSame(['date' => '2026-11-30', 'orders' => 2, 'revenue' => '20.00'], $m['daily'][29]);
        $this->assertSame(
            ['pending' => 0, 'paid' => 2, 'payment_failed' => 0, 'cancelled' => 1, 'shipped' => 1, 'delivered' => 1, 'refunded' => 1],
            array_column($m['statuses'], 'orders', 'status'),
        );
        $this->assertSame([
            ['id' => $lamp, 'sku' => 'LAMP', 'name' => 'Product LAMP', 'units' => 2, 'revenue' => '80.00'],
            ['id' => $mug, 'sku' => 'MUG', 'name' => 'Product MUG', 'units' => 3, 'revenue' => '30.00'],
        ], $m['topSellers']);
        $this->assertSame([['id' => $mug, 'sku' => 'MUG', 'name' => 'Product MUG', 'onHand' => 3, 'reserved' => 1, 'available' => 2]], $m['lowStock'], 'the deleted product is not listed');
        $this->assertSame([1 => 1, 7 => 2, 30 => 2], $m['customers']['counts']);
        $this->assertSame(['today@example.test', 'lastweek@example.test', 'buyer@example.test'], array_column($m['customers']['latest'], 'email'));
    }

    public function test_an_empty_shop_has_zero_figures_not_errors(): void
    {
        $m = app(DashboardMetrics::class)->compute($this->now);

        $this->assertSame([0, '0'], [$m['sales'][30]['orders'], (string) $m['sales'][30]['revenue']]);
        $this->assertSame([[], [], []], [$m['topSellers'], $m['lowStock'], $m['customers']['latest']]);
        $this->assertCount(7, $m['statuses']);
    }

    private function user(string $email, CarbonImmutable $createdAt, string $role = 'customer'): int
    {
        return DB::table('users')->insertGetId(['email' => $email, 'name' => $email, 'password_hash' => 'x', 'role' => $role, 'created_at' => $createdAt]);
    }

    private function product(string $sku, int $onHand, int $reserved = 0, bool $deleted = false): int
    {
        $category = DB::table('categories')->insertGetId(['name' => "c-$sku", 'slug' => "c-$sku"]);
        $brand = DB::table('brands')->insertGetId(['name' => "b-$sku", 'slug' => "b-$sku"]);
        $id = DB::table('products')->insertGetId([
            'sku' => $sku, 'name' => "Product $sku", 'slug' => strtolower($sku), 'price' => '1.00',
            'category_id' => $category, 'brand_id' => $brand, 'deleted_at' => $deleted ? $this->now : null,
        ]);
        DB::table('inventory')->insert(['product_id' => $id, 'on_hand' => $onHand, 'reserved' => $reserved]);

        return $id;
    }

    /** @param list<array{0: int, 1: int, 2: string}> $lines product id, quantity, unit price */
    private function order(int $user, string $status, CarbonImmutable $at, array $lines): void
    {
        $total = array_sum(array_map(fn ($l) => $l[1] * (float) $l[2], $lines));
        $id = DB::table('orders')->insertGetId([
            'number' => 'T-'.uniqid(), 'user_id' => $user, 'status' => $status, 'currency' => 'USD',
            'subtotal' => $total, 'total' => $total, 'shipping_address' => '{}', 'created_at' => $at,
        ]);
        foreach ($lines as [$product, $quantity, $price]) {
            DB::table('order_items')->insert([
                'order_id' => $id, 'product_id' => $product, 'sku' => 'x', 'name' => 'x',
                'unit_price' => $price, 'quantity' => $quantity, 'line_total' => number_format($quantity * (float) $price, 2, '.', ''),
            ]);
        }
    }
}
