<?php

namespace Tests\Concerns;

use App\Models\Brand;
use App\Models\Category;
use App\Models\Product;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;
use Illuminate\Support\Str;

/**
 * Catalog rows for feature tests on the shared database (committed, so CDC and the gateway see
 * them): a category tree, a brand and products with a per-test tag, all removed after the test.
 */
trait CreatesCatalogRecords
{
    protected string $tag = '';

    private bool $catalogCleanupRegistered = false;

    protected function catalogTag(): string
    {
        if ($this->tag === '') {
            $this->tag = 'T'.Str::upper(Str::random(8));
        }
        if (! $this->catalogCleanupRegistered) {
            $this->catalogCleanupRegistered = true;
            $this->beforeApplicationDestroyed(function () {
                $like = $this->tag.'%';
                DB::table('products')->where('sku', 'like', $like)->delete();
                foreach (DB::table('categories')->where('name', 'like', $like)->orderByDesc('depth')->pluck('id') as $id) {
                    DB::table('categories')->where('id', $id)->delete();
                }
                DB::table('brands')->where('name', 'like', $like)->delete();
            });
        }

        return $this->tag;
    }

    protected function category(string $name, ?Category $parent = null): Category
    {
        $name = $this->catalogTag().' '.$name.' '.Str::random(4);

        return Category::query()->create(['name' => $name, 'slug' => Str::slug($name), 'parent_id' => $parent?->id])->refresh();
    }

    protected function brand(string $name = 'Brand'): Brand
    {
        $name = $this->catalogTag().' '.$name.' '.Str::random(4);

        return Brand::query()->create(['name' => $name, 'slug' => Str::slug($name)]);
    }

    protected function product(Category $category, Brand $brand, array $attributes = []): Product
    {
        $sku = $this->catalogTag().'-'.Str::upper(Str::random(6));
        $product = new Product();
        $product->forceFill(array_merge([
            'sku' => $sku, 'name' => "Product $sku", 'slug' => Str::lower($sku), 'price' => '10.00',
            'category_id' => $category->id, 'brand_id' => $brand->id, 'status' => 'active', 'attributes' => [],
        ], $attributes))->save();

        return $product->refresh();
    }

    /** Points a disk (media, imports) at a fresh temp folder, removed after the test. @return string its root */
    protected function useTemporaryDisk(string $disk): string
    {
        $root = sys_get_temp_dir().'/catalog-'.$disk.'-'.bin2hex(random_bytes(4));
        config(["filesystems.disks.$disk.root" => $root]);
        Storage::forgetDisk($disk);
        $this->beforeApplicationDestroyed(fn () => exec('rm -rf '.escapeshellarg($root)));

        return $root;
    }
}
