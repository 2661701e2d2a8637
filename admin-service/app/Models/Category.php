<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Builder;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Database\Eloquent\Relations\HasMany;

/**
 * A node of the category tree. `path` ('/1/7/23/') and `depth` are maintained by the database
 * (categories_tree trigger, which also refuses cycles); never written here.
 *
 * @property int $id
 * @property int|null $parent_id
 * @property string $name
 * @property string $slug
 * @property string $path
 * @property int $depth
 */
class Category extends Model
{
    protected $table = 'categories';

    protected $fillable = ['parent_id', 'name', 'slug', 'position'];

    protected $casts = ['parent_id' => 'integer', 'depth' => 'integer', 'position' => 'integer'];

    public function parent(): BelongsTo
    {
        return $this->belongsTo(self::class, 'parent_id');
    }

    public function children(): HasMany
    {
        return $this->hasMany(self::class, 'parent_id')->orderBy('position')->orderBy('name');
    }

    public function products(): HasMany
    {
        return $this->hasMany(Product::class);
    }

    /** This category and everything below it. */
    public function scopeSubtreeOf(Builder $query, self $root): Builder
    {
        return $query->where('path', 'like', addcslashes($root->path, '%_\\').'%');
    }

    public function isAncestorOf(self $other): bool
    {
        return $other->id !== $this->id && str_starts_with($other->path, $this->path);
    }
}
