<?php

namespace Tests\Feature\Catalog;

use App\Models\ProductImage;
use Tests\Concerns\CreatesCatalogRecords;
use Illuminate\Support\Facades\Artisan;
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

        $this->assertSame(0, Artisan::call('catalog:seed-images', ['--sku-prefix' => $this->catalogTag()]));
        [$w, $h, $type] = getimagesize("$root/$path");
        $this->assertSame([400, 400, IMAGETYPE_JPEG], [$w, $h, $type]);
        $first = md5_file("$root/$path");

        $this->assertSame(0, Artisan::call('catalog:seed-images', ['--force' => true, '--sku-prefix' => $this->catalogTag()]));
        $this->assertSame($first, md5_file("$root/$path"), 'the same row paints the same picture');
    }

    public function test_shards_split_the_rows_between_processes(): void
    {
        $root = $this->useTemporaryDisk('media');
        $category = $this->category('S');
        $paths = [];
        foreach (range(1, 4) as $i) {
            $product = $this->product($category, $this->brand());
            $paths[] = $path = 'products/'.strtolower($product->sku)."/$i.jpg";
            ProductImage::query()->create(['product_id' => $product->id, 'path' => $path, 'status' => 'ready']);
        }
        $prefix = ['--sku-prefix' => $this->catalogTag()];

        $this->assertSame(0, Artisan::call('catalog:seed-images', $prefix + ['--shard' => '0/2']));
        $first = array_filter($paths, fn ($p) => is_file("$root/$p"));
        $this->assertCount(2, $first, 'shard 0/2 paints the even ids only');

        $this->assertSame(0, Artisan::call('catalog:seed-images', $prefix + ['--shard' => '1/2']));
        $this->assertCount(4, array_filter($paths, fn ($p) => is_file("$root/$p")), 'with shard 1/2, every row has its file');
    }

    public function test_a_malformed_shard_is_refused(): void
    {
        foreach (['2/2', '1/0', 'x', '1/2/3'] as $bad) {
            $this->assertSame(2, Artisan::call('catalog:seed-images', ['--shard' => $bad]), $bad);
            $this->assertStringContainsString('--shard must be I/N', Artisan::output());
        }
    }
}
