<?php

namespace App\Services\Catalog;

use App\Models\Inventory;
use App\Models\Product;
use Illuminate\Support\Facades\DB;

/** Creates and updates a product with its stock in one transaction (PostgreSQL only; search follows through CDC). */
class ProductWriter
{
    public function __construct(private ProductSlugs $slugs)
    {
    }

    /** @param array<string, mixed> $fields validated product columns; $onHand null = leave stock as is */
    public function save(Product $product, array $fields, ?int $onHand = null): Product
    {
        return DB::transaction(function () use ($product, $fields, $onHand) {
            $nameChanged = ! $product->exists || ($fields['name'] ?? $product->name) !== $product->name;
            $product->fill($fields);
            if ($nameChanged) {
                $product->slug = $this->slugs->for($product->name, $product->id);
            }
            $product->save();
            if ($onHand !== null) {
                $inventory = Inventory::query()->lockForUpdate()->find($product->id) ?? new Inventory(['product_id' => $product->id]);
                $inventory->on_hand = $onHand;
                $inventory->save();
            }

            return $product->refresh();
        });
    }

    /**
     * The consistency token of the gateway (docs/search.md "Read-your-writes"): <productId>.<lsn>
     * with the WAL position read after the commit. The index has the change once it reached it.
     */
    public function consistencyToken(Product $product): string
    {
        $lsn = DB::selectOne("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint AS lsn")->lsn;

        return $product->id.'.'.$lsn;
    }
}
