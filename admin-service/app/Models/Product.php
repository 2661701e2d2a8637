<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Builder;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Database\Eloquent\Relations\HasMany;
use Illuminate\Database\Eloquent\Relations\HasOne;
use Illuminate\Database\Eloquent\SoftDeletes;

/**
 * A row of `products`. `version` is bumped by a trigger on every UPDATE (CDC uses it as the
 * external version in search), so it is never written here.
 *
 * @property int $id
 * @property string $sku
 * @property string $name
 * @property string $slug
 * @property string $status
 * @property string $price
 * @property array $attributes
 */
class Product extends Model
{
    use SoftDeletes;

    public const STATUSES = ['draft', 'active'];

    protected $table = 'products';

    protected $fillable = ['sku', 'name', 'slug', 'description', 'price', 'currency', 'category_id', 'brand_id', 'status', 'attributes'];

    protected $casts = ['attributes' => \App\Casts\JsonObject::class, 'version' => 'integer', 'category_id' => 'integer', 'brand_id' => 'integer'];

    protected $attributes = ['description' => '', 'currency' => 'USD', 'status' => 'active', 'attributes' => '{}'];

    public function category(): BelongsTo
    {
        return $this->belongsTo(Category::class);
    }

    public function brand(): BelongsTo
    {
        return $this->belongsTo(Brand::class);
    }

    public function images(): HasMany
    {
        return $this->hasMany(ProductImage::class)->orderBy('position')->orderBy('id');
    }

    public function inventory(): HasOne
    {
        return $this->hasOne(Inventory::class);
    }

    /** sku or name contains the term (case-insensitive), served by products_search_trgm_index. */
    public function scopeMatching(Builder $query, string $term): Builder
    {
        return $query->whereRaw("(sku::text || ' ' || name::text) ILIKE ?", ['%'.addcslashes($term, '%_\\').'%']);
    }
}
