<?php

namespace App\Jobs;

use App\Models\ProductImage;
use App\Services\Images\Thumbnailer;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Support\Facades\Storage;

/**
 * Makes the thumbnail of an uploaded image and marks it ready (it then reaches search and the
 * storefront through CDC). An image GD can't decode ends `failed` with the reason; the job itself
 * succeeds, so a bad upload is never retried nor a 500.
 */
class ProcessProductImage implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable;

    public int $tries = 3;

    public function __construct(public int $imageId)
    {
    }

    public function handle(Thumbnailer $thumbnailer): void
    {
        $image = ProductImage::query()->find($this->imageId);
        if (! $image || $image->status === ProductImage::READY) {
            return;
        }
        $disk = Storage::disk('media');
        $image->update(['status' => 'processing']);
        if (! $disk->exists($image->path)) {
            $image->update(['status' => ProductImage::FAILED, 'failure_reason' => 'the uploaded file is missing from the media disk']);

            return;
        }
        $thumbPath = dirname($image->path).'/thumbs/'.$image->id.'.jpg';
        try {
            $thumbnailer->make($disk->get($image->path), $disk->path($thumbPath));
        } catch (\RuntimeException $e) {
            $image->update(['status' => ProductImage::FAILED, 'failure_reason' => $e->getMessage()]);

            return;
        }
        $image->update(['status' => ProductImage::READY, 'thumbnail_path' => $thumbPath, 'failure_reason' => null]);
    }
}
