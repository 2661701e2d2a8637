<?php

namespace App\Services\Catalog;

use Illuminate\Support\Facades\DB;
use Illuminate\Support\Str;

/** Unique product slugs: a second "Blue Tee" becomes blue-tee-2, not a conflict. */
class ProductSlugs
{
    public function for(string $name, ?int $exceptProductId = null): string
    {
        $base = Str::limit(Str::slug($name) ?: 'product', 240, '');
        $taken = DB::table('products')
            ->where(fn ($q) => $q->where('slug', $base)->orWhere('slug', '~', '^'.preg_quote($base, '/').'-[0-9]+$'))
            ->when($exceptProductId, fn ($q) => $q->where('id', '<>', $exceptProductId))
            ->pluck('slug')->all();
        if (! in_array($base, $taken, true)) {
            return $base;
        }
        $max = 1;
        foreach ($taken as $slug) {
            if (preg_match('/-(\d+)$/', $slug, $m) && $slug === $base.'-'.$m[1]) {
                $max = max($max, (int) $m[1]);
            }
        }

        return $base.'-'.($max + 1);
    }
}
