<?php

namespace Tests\Feature\Catalog;

use App\Models\ProductImage;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\TestCase;

/** php artisan catalog:seed-images: a real JPEG for every image row without a file, the same bytes every time. */
class SeedImagesTest extends TestCase
{
    use CreatesCatalogRecords;

    public function test_paints_missing_files_deterministically(): void
    {
        $root = $this->useTemporaryDisk('media');
        $product = $this->product($this->category('S'), $this->brand());
        $path = 'products/'.strtolower($product->sku).'/1.jpg';
        ProductImage::query()->create(['product_id' => $product->id, 'path' => $path, 'status' => 'ready']);

        $this->assertSame(0, \Illuminate\Support\Facades\Artisan::call('catalog:seed-images', ['--sku-prefix' => $this->catalogTag()]));
        [$w, $h, $type] = getimagesize("$root/$path");
        $this->assertSame([400, 400, IMAGETYPE_JPEG], [$w, $h, $type]);
        $first = md5_file("$root/$path");

        $this->assertSame(0, \Illuminate\Support\Facades\Artisan::call('catalog:seed-images', ['--force' => true, '--sku-prefix' => $this->catalogTag()]));
        $this->assertSame($first, md5_file("$root/$path"), 'the same row paints the same picture');
    }
}
