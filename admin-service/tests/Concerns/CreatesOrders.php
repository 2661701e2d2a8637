<?php

namespace Tests\Concerns;

use App\Models\User;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Str;

/**
 * Order fixtures written straight into the platform database (committed, so the gateway sees
 * them too) and removed after the test: a category, products, customers and orders with lines.
 * Needs LogsInThroughGateway (customers are gateway users); call registerOrderCleanup() in setUp().
 */
trait CreatesOrders
{
    /** @var array{orders: list<int>, products: list<int>, categories: list<int>, brands: list<int>} */
    private array $orderFixtures = ['orders' => [], 'products' => [], 'categories' => [], 'brands' => []];

    private bool $orderCleanupRegistered = false;

    protected function fixtureTag(): string
    {
        return $this->fixtureTagValue ??= 'T'.Str::upper(Str::random(8));
    }

    private ?string $fixtureTagValue = null;

    protected function createCategory(string $name, ?int $parentId = null): int
    {
        $this->registerOrderCleanup();
        $id = (int) DB::table('categories')->insertGetId(['name' => $name, 'parent_id' => $parentId, 'slug' => Str::slug($name).'-'.Str::lower(Str::random(6))]);
        $this->orderFixtures['categories'][] = $id;

        return $id;
    }

    protected function createProduct(string $sku, string $price, int $categoryId): int
    {
        $this->registerOrderCleanup();
        if ($this->orderFixtures['brands'] === []) {
            $this->orderFixtures['brands'][] = (int) DB::table('brands')->insertGetId(['name' => 'Fixture brand', 'slug' => 'fixture-'.Str::lower(Str::random(8))]);
        }
        $id = (int) DB::table('products')->insertGetId([
            'sku' => $sku, 'name' => "Product {$sku}", 'slug' => Str::slug($sku).'-'.Str::lower(Str::random(6)), 'price' => $price,
            'category_id' => $categoryId, 'brand_id' => $this->orderFixtures['brands'][0], 'status' => 'draft',
        ]);
        $this->orderFixtures['products'][] = $id;

        return $id;
    }

    /**
     * @param list<array{0: int, 1: int}> $lines [productId, quantity] (unit price = the product's price)
     */
    protected function createOrder(User $customer, string $status, string $createdAt, array $lines = [], ?string $total = null): int
    {
        $this->registerOrderCleanup();
        $priced = [];
        $sum = '0';
        foreach ($lines as [$productId, $qty]) {
            $p = DB::table('products')->where('id', $productId)->first(['sku', 'name', 'price']);
            $lineTotal = number_format(round((float) $p->price * $qty, 2), 2, '.', '');
            $sum = number_format(round((float) $sum + (float) $lineTotal, 2), 2, '.', '');
            $priced[] = ['product_id' => $productId, 'sku' => $p->sku, 'name' => $p->name, 'unit_price' => $p->price, 'quantity' => $qty, 'line_total' => $lineTotal];
        }
        $total ??= $sum;
        $id = (int) DB::table('orders')->insertGetId([
            'number' => $this->fixtureTag().'-'.(count($this->orderFixtures['orders']) + 1),
            'user_id' => $customer->id, 'status' => $status, 'currency' => 'USD', 'subtotal' => $total, 'total' => $total,
            'shipping_address' => json_encode(['name' => $customer->name, 'city' => 'Berlin']), 'created_at' => $createdAt, 'updated_at' => $createdAt,
        ]);
        foreach ($priced as $line) {
            DB::table('order_items')->insert(['order_id' => $id] + $line);
        }
        $this->orderFixtures['orders'][] = $id;

        return $id;
    }

    /** Call in setUp() BEFORE creating users: orders must go before their customers. */
    protected function registerOrderCleanup(): void
    {
        if ($this->orderCleanupRegistered) {
            return;
        }
        $this->orderCleanupRegistered = true;
        $this->beforeApplicationDestroyed(function () {
            $f = $this->orderFixtures;
            DB::table('payments')->whereIn('order_id', $f['orders'])->delete();
            DB::table('orders')->whereIn('id', $f['orders'])->delete();   // items and history cascade
            DB::table('inventory')->whereIn('product_id', $f['products'])->delete();
            DB::table('products')->whereIn('id', $f['products'])->delete();
            foreach (array_reverse($f['categories']) as $id) { // children first (parent_id ON DELETE RESTRICT)
                DB::table('categories')->where('id', $id)->delete();
            }
            DB::table('brands')->whereIn('id', $f['brands'])->delete();
        });
    }
}
