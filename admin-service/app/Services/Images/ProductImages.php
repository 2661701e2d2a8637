<?php

namespace App\Services\Images;

use App\Jobs\ProcessProductImage;
use App\Models\Product;
use App\Models\ProductImage;
use App\Rules\SniffedImage;
use Illuminate\Http\UploadedFile;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;
use Illuminate\Support\Str;

/** Stores uploaded images on the `media` disk as pending rows and queues their processing. */
class ProductImages
{
    /** @param list<UploadedFile> $files already validated (SniffedImage, size) */
    public function add(Product $product, array $files): array
    {
        $disk = Storage::disk('media');
        $dir = self::directory($product->sku);
        $stored = [];
        $images = DB::transaction(function () use ($product, $files, $disk, $dir, &$stored) {
            $position = (int) $product->images()->max('position') + 1;
            $images = [];
            foreach ($files as $file) {
                $mime = SniffedImage::sniff($file->getRealPath());
                $path = $disk->putFileAs($dir, $file, Str::lower(Str::random(16)).'.'.SniffedImage::TYPES[$mime]);
                $stored[] = $path;
                $images[] = ProductImage::query()->create([
                    'product_id' => $product->id, 'path' => $path, 'position' => $position++, 'status' => 'pending', 'mime_type' => $mime,
                ]);
            }

            return $images;
        });
        foreach ($images as $image) {
            ProcessProductImage::dispatch($image->id);
        }

        return $images;
    }

    public function delete(ProductImage $image): void
    {
        $paths = array_filter([$image->path, $image->thumbnail_path]);
        $image->delete();
        Storage::disk('media')->delete($paths);
    }

    /** @param list<int> $orderedIds the product's image ids in their new order */
    public function reorder(Product $product, array $orderedIds): void
    {
        DB::transaction(function () use ($product, $orderedIds) {
            foreach (array_values($orderedIds) as $i => $id) {
                ProductImage::query()->where('product_id', $product->id)->whereKey($id)->update(['position' => $i]);
            }
        });
    }

    public static function directory(string $sku): string
    {
        return 'products/'.Str::lower(preg_replace('/[^A-Za-z0-9_-]+/', '-', $sku));
    }
}
