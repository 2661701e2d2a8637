<?php

/*
| Records of the live-orders browser test, in the platform's real database:
|   php tests/Browser/order-records.php product            -> {"productId":..,"categoryId":..,"brandId":..} (active, 50 in stock)
|   php tests/Browser/order-records.php forget USER_ID PRODUCT_ID CATEGORY_ID BRAND_ID
|     (the user's orders with their payments, lines and history, then the product, category and brand)
*/

use Illuminate\Support\Facades\DB;
use Illuminate\Support\Str;

require __DIR__.'/../../bootstrap/autoload.php';
$app = require __DIR__.'/../../bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

$command = $argv[1] ?? null;
if ($command === 'product') {
    $tag = Str::lower(Str::random(8));
    $ids = DB::transaction(function () use ($tag) {
        $categoryId = DB::table('categories')->insertGetId(['name' => "Live orders {$tag}", 'slug' => "live-orders-{$tag}"]);
        $brandId = DB::table('brands')->insertGetId(['name' => "Live brand {$tag}", 'slug' => "live-brand-{$tag}"]);
        $productId = DB::table('products')->insertGetId([
            'sku' => 'LIVE-'.strtoupper($tag), 'name' => "Live order lamp {$tag}", 'slug' => "live-order-lamp-{$tag}", 'price' => '19.90',
            'category_id' => $categoryId, 'brand_id' => $brandId, 'status' => 'active',
        ]);
        DB::table('inventory')->insert(['product_id' => $productId, 'on_hand' => 50, 'reserved' => 0]);

        return ['productId' => $productId, 'categoryId' => $categoryId, 'brandId' => $brandId];
    });
    echo json_encode($ids), "\n";
} elseif ($command === 'forget' && count($argv) === 6 && array_product(array_map('ctype_digit', array_slice($argv, 2)))) {
    [, , $userId, $productId, $categoryId, $brandId] = array_map('intval', $argv);
    DB::transaction(function () use ($userId, $productId, $categoryId, $brandId) {
        $orders = DB::table('orders')->where('user_id', $userId)->pluck('id');
        DB::table('payments')->whereIn('order_id', $orders)->delete();
        DB::table('orders')->whereIn('id', $orders)->delete();
        DB::table('inventory')->where('product_id', $productId)->delete();
        DB::table('products')->where('id', $productId)->delete();
        DB::table('categories')->where('id', $categoryId)->delete();
        DB::table('brands')->where('id', $brandId)->delete();
    });
} else {
    fwrite(STDERR, "usage: order-records.php product | forget USER_ID PRODUCT_ID CATEGORY_ID BRAND_ID\n");
    exit(2);
}
