<?php

namespace App\Services\Export;

use App\Support\CsvCell;
use App\Services\Catalog\ProductFilter;
use Illuminate\Support\Facades\DB;

/**
 * Exports the products matching the list's filter, in the import's format (a file exported can be
 * imported again). Rows come from a server-side cursor in batches (lazyById), so memory stays flat
 * on 100k products; text cells that a spreadsheet would run as a formula are neutralized.
 */
class ProductExporter
{
    public const HEADER = ['sku', 'name', 'price', 'currency', 'category', 'brand', 'status', 'stock', 'description', 'attributes'];

    public function __construct(private ProductFilter $filter)
    {
    }

    /** @return \Generator<int, list<string|float|int>> */
    public function rows(array $filters): \Generator
    {
        $brands = DB::table('brands')->pluck('name', 'id')->all();
        $query = $this->filter->query($filters)->reorder()->toBase()
            ->leftJoin('inventory', 'inventory.product_id', '=', 'products.id')
            ->select('products.id', 'products.sku', 'products.name', 'products.price', 'products.currency', 'products.category_id',
                'products.brand_id', 'products.status', 'products.description', 'products.attributes', 'inventory.on_hand');
        foreach ($query->lazyById(2000, 'products.id', 'id') as $p) {
            yield [
                CsvCell::safe($p->sku), CsvCell::safe($p->name), (float) $p->price, trim($p->currency), (int) $p->category_id,
                CsvCell::safe((string) ($brands[$p->brand_id] ?? '')), $p->status, (int) ($p->on_hand ?? 0), CsvCell::safe($p->description),
                CsvCell::safe($p->attributes === '{}' ? '' : $p->attributes),
            ];
        }
    }

    public function csv($out, array $filters): void
    {
        fwrite($out, "\xEF\xBB\xBF"); // Excel reads UTF-8 only with a BOM
        fputcsv($out, self::HEADER);
        foreach ($this->rows($filters) as $row) {
            fputcsv($out, $row);
        }
    }

    public function xlsx(string $target, array $filters): void
    {
        $writer = new XlsxWriter();
        $writer->addRow(self::HEADER);
        foreach ($this->rows($filters) as $row) {
            $writer->addRow($row);
        }
        $writer->finish($target);
    }
}
