<?php

/*
| Catalog fixtures for the catalog browser test, in the platform's real database:
|   php tests/Browser/catalog-records.php setup TAG   -> {"roots":[{id,slug},{id,slug}],"child":{id,slug},"brand":{id,name},"png":path,"csv":path}
|   php tests/Browser/catalog-records.php cleanup TAG  (products, import batches, categories, brands named with TAG; files)
*/

use App\Models\Brand;
use App\Models\Category;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;
use Illuminate\Support\Str;

require __DIR__.'/../../bootstrap/autoload.php';
$app = require __DIR__.'/../../bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

[, $command, $tag] = $argv + [1 => null, 2 => null];
if (! $tag || ! preg_match('/^[A-Za-z0-9]+$/', $tag)) {
    fwrite(STDERR, "usage: catalog-records.php setup|cleanup TAG\n");
    exit(2);
}
$category = fn (string $name, ?int $parent = null) => Category::query()->create(['name' => "$tag $name", 'slug' => Str::slug("$tag $name"), 'parent_id' => $parent])->refresh();

if ($command === 'setup') {
    $rootA = $category('Root A');
    $rootB = $category('Root B');
    $child = $category('Child', $rootA->id);
    $brand = Brand::query()->create(['name' => "$tag Brand", 'slug' => Str::slug("$tag Brand")]);
    $dir = sys_get_temp_dir()."/catalog-browser-$tag";
    @mkdir($dir, 0755, true);
    $img = imagecreatetruecolor(640, 480);
    imagefill($img, 0, 0, imagecolorallocate($img, 40, 120, 200));
    imagefilledellipse($img, 320, 240, 300, 300, imagecolorallocate($img, 250, 200, 40));
    imagepng($img, "$dir/photo.png");
    $lines = ['sku,name,price,category,brand,stock'];
    for ($i = 1; $i <= 20; $i++) {
        $lines[] = $i === 7 ? "$tag-CSV$i,Broken row,not-a-price,{$child->id},{$brand->name},1" : "$tag-CSV$i,Imported $tag $i,".(5 + $i).".00,{$child->id},{$brand->name},$i";
    }
    file_put_contents("$dir/$tag-twenty.csv", implode("\n", $lines)."\n");
    echo json_encode([
        'roots' => [['id' => $rootA->id, 'slug' => $rootA->slug], ['id' => $rootB->id, 'slug' => $rootB->slug]],
        'child' => ['id' => $child->id, 'slug' => $child->slug], 'brand' => ['id' => $brand->id, 'name' => $brand->name],
        'png' => "$dir/photo.png", 'csv' => "$dir/$tag-twenty.csv",
    ]), "\n";
} elseif ($command === 'cleanup') {
    DB::table('import_batches')->where('filename', 'like', "$tag%")->delete();
    DB::table('products')->where('sku', 'like', "$tag%")->delete();
    foreach (DB::table('categories')->where('name', 'like', "$tag %")->orderByDesc('depth')->pluck('id') as $id) {
        DB::table('categories')->where('id', $id)->delete();
    }
    DB::table('brands')->where('name', 'like', "$tag %")->delete();
    exec('rm -rf '.escapeshellarg(sys_get_temp_dir()."/catalog-browser-$tag"));
    foreach (Storage::disk('media')->directories('products') as $dir) { // uploaded images of the test's products
        if (str_starts_with($dir, 'products/'.strtolower($tag).'-')) {
            Storage::disk('media')->deleteDirectory($dir);
        }
    }
} else {
    fwrite(STDERR, "usage: catalog-records.php setup|cleanup TAG\n");
    exit(2);
}
