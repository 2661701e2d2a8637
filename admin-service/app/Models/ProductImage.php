<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

/**
 * An image of a product: `path` and `thumbnail_path` are relative to the `media` disk, served by
 * nginx at /media/<path>. Only `ready` images reach the storefront and search.
 *
 * @property int $id
 * @property int $product_id
 * @property string $path
 * @property string|null $thumbnail_path
 * @property string $status pending|processing|ready|failed
 * @property string|null $failure_reason
 */
class ProductImage extends Model
{
    public const READY = 'ready';
    public const FAILED = 'failed';

    protected $table = 'product_images';

    protected $fillable = ['product_id', 'path', 'position', 'status', 'mime_type', 'thumbnail_path', 'failure_reason'];

    protected $casts = ['product_id' => 'integer', 'position' => 'integer'];

    public function product(): BelongsTo
    {
        return $this->belongsTo(Product::class)->withTrashed();
    }

    public function url(): string
    {
        return self::mediaUrl($this->path);
    }

    public function thumbnailUrl(): ?string
    {
        return $this->thumbnail_path ? self::mediaUrl($this->thumbnail_path) : null;
    }

    public static function mediaUrl(string $path): string
    {
        return rtrim(config('filesystems.media_url', '/media/'), '/').'/'.ltrim($path, '/');
    }
}
