<?php

namespace App\Services\Catalog;

use App\Models\Category;
use App\Models\Product;
use Illuminate\Database\Eloquent\Builder;

/**
 * The product list's filter, shared by the list, export and bulk actions on "all matching":
 * q (sku/name, trigram index), category (with descendants), brand, status, stock, trashed, sort.
 */
class ProductFilter
{
    public const SORTS = ['updated_at', 'name', 'sku', 'price', 'id'];

    public const KEYS = ['q', 'category', 'brand', 'status', 'stock', 'trashed', 'sort', 'dir'];

    /** @param array<string, mixed> $f */
    public function query(array $f): Builder
    {
        $q = Product::query();
        match ($f['trashed'] ?? null) {
            'only' => $q->onlyTrashed(),
            'with' => $q->withTrashed(),
            default => null,
        };
        $term = trim((string) ($f['q'] ?? ''));
        if ($term !== '') {
            $q->matching($term);
        }
        if (! empty($f['category']) && ($root = Category::query()->find((int) $f['category']))) {
            $q->whereIn('category_id', Category::query()->subtreeOf($root)->select('id'));
        }
        if (! empty($f['brand'])) {
            $q->where('brand_id', (int) $f['brand']);
        }
        if (in_array($f['status'] ?? null, Product::STATUSES, true)) {
            $q->where('status', $f['status']);
        }
        $stock = $f['stock'] ?? null;
        if ($stock === 'out') {
            $q->whereNotExists(fn ($s) => $s->from('inventory')->whereColumn('inventory.product_id', 'products.id')->whereRaw('on_hand - reserved > 0'));
        } elseif ($stock === 'in') {
            $q->whereExists(fn ($s) => $s->from('inventory')->whereColumn('inventory.product_id', 'products.id')->whereRaw('on_hand - reserved > 0'));
        } elseif ($stock === 'low') {
            $q->whereExists(fn ($s) => $s->from('inventory')->whereColumn('inventory.product_id', 'products.id')->whereRaw('on_hand - reserved BETWEEN 1 AND 5'));
        }
        $sort = in_array($f['sort'] ?? null, self::SORTS, true) ? $f['sort'] : 'updated_at';
        $dir = ($f['dir'] ?? ($sort === 'updated_at' ? 'desc' : 'asc')) === 'desc' ? 'desc' : 'asc';

        return $q->orderBy($sort, $dir)->orderBy('id', $dir);
    }

    /** @return array<string, string> the filter keys present in a request */
    public static function from(array $input): array
    {
        return array_filter(array_intersect_key($input, array_flip(self::KEYS)), fn ($v) => is_scalar($v) && $v !== '');
    }
}
