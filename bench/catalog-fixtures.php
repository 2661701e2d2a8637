<?php

/*
| Fixtures of bench/catalog-import.mjs in the platform database (run from the repo root):
|   php bench/catalog-fixtures.php setup TAG    -> {"category":id,"brand":"name","key":"cpk_…","userId":id}
|   php bench/catalog-fixtures.php cleanup TAG  (deletes the bench products, batches, category, brand, key and user)
*/

use App\Models\Brand;
use App\Models\Category;
use App\Models\User;
use App\Services\ApiKeys\ApiKeyIssuer;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Str;

require __DIR__.'/../admin-service/bootstrap/autoload.php';
$app = require __DIR__.'/../admin-service/bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

[, $command, $tag] = $argv + [1 => null, 2 => null];
if (! $tag || ! preg_match('/^[a-z0-9]+$/', $tag)) {
    fwrite(STDERR, "usage: catalog-fixtures.php setup|cleanup TAG (lower-case letters and digits)\n");
    exit(2);
}
if ($command === 'setup') {
    $user = (new User())->forceFill(['email' => "bench-$tag@example.test", 'name' => "Bench $tag", 'password_hash' => password_hash(Str::random(20), PASSWORD_BCRYPT, ['cost' => 4]), 'role' => 'admin']);
    $user->save();
    $category = Category::query()->create(['name' => "bench $tag", 'slug' => "bench-$tag"]);
    $brand = Brand::query()->create(['name' => "bench-$tag", 'slug' => "bench-$tag"]);
    [, $key] = app(ApiKeyIssuer::class)->issue("bench $tag", ['catalog:read', 'catalog:write'], null, $user);
    echo json_encode(['category' => $category->id, 'brand' => $brand->name, 'key' => $key, 'userId' => $user->id]), "\n";
} elseif ($command === 'cleanup') {
    $brand = DB::table('brands')->where('slug', "bench-$tag")->value('id');
    if ($brand) {
        // in slices: each DELETE is one CDC burst the indexer absorbs. Products that other suites meanwhile
        // put into orders can't be deleted (order_items): they are trashed instead (out of search).
        while (DB::delete('DELETE FROM products WHERE id IN (SELECT p.id FROM products p WHERE p.brand_id = ?
            AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = p.id) LIMIT 20000)', [$brand]) > 0) {
        }
        $kept = DB::update('UPDATE products SET deleted_at = now() WHERE brand_id = ? AND deleted_at IS NULL', [$brand]);
        if (DB::table('products')->where('brand_id', $brand)->exists()) {
            fwrite(STDERR, "kept bench products that have orders (trashed now: $kept); their brand and category stay\n");
        }
    }
    $userId = DB::table('users')->where('email', "bench-$tag@example.test")->value('id');
    DB::table('import_batches')->where('user_id', $userId)->delete();
    DB::table('api_keys')->where('created_by', $userId)->delete();
    DB::table('api_keys')->where('name', "bench $tag")->delete();
    if (! DB::table('products')->where('brand_id', $brand)->exists()) {
        DB::table('categories')->where('slug', "bench-$tag")->delete();
        DB::table('brands')->where('slug', "bench-$tag")->delete();
    }
    DB::table('admin_audit_log')->where('actor_user_id', $userId)->delete();
    DB::table('users')->where('id', $userId)->delete();
} else {
    fwrite(STDERR, "usage: catalog-fixtures.php setup|cleanup TAG\n");
    exit(2);
}
