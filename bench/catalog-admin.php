<?php

/*
| The admin's catalog costs on the current catalog (run by bench/catalog-import.mjs while its 100k
| products exist, or alone):  php bench/catalog-admin.php [TERM]
|  - product-list search: the list's query (sku/name ILIKE '%term%', trashed included, newest first,
|    25 rows + the count) through products_search_trgm_index vs the same query with index scans
|    disabled (a sequential scan), medians of 7 runs in the same process;
|  - export: the CSV export of every product, written to /dev/null: time and peak PHP memory.
| Prints one JSON line.
*/

use App\Services\Catalog\ProductFilter;
use App\Services\Export\ProductExporter;
use Illuminate\Support\Facades\DB;

require __DIR__.'/../admin-service/bootstrap/autoload.php';
$app = require __DIR__.'/../admin-service/bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

$term = $argv[1] ?? 'lamp';
$median = function (array $xs) { sort($xs); return $xs[intdiv(count($xs), 2)]; };
$list = function () use ($term) {
    $t = microtime(true);
    $page = app(ProductFilter::class)->query(['q' => $term, 'trashed' => 'with'])->paginate(25);
    $page->items();

    return [(microtime(true) - $t) * 1000, $page->total()];
};
$time = function (bool $index) use ($list, $median) {
    DB::statement('SET enable_bitmapscan = '.($index ? 'on' : 'off'));
    DB::statement('SET enable_indexscan = on');
    $list(); // warm
    $runs = [];
    for ($i = 0; $i < 7; $i++) {
        [$ms, $total] = $list();
        $runs[] = $ms;
    }

    return [round($median($runs), 1), $total];
};
[$indexed, $matches] = $time(true);
[$scan] = $time(false);
DB::statement('SET enable_bitmapscan = on');
$plan = implode("\n", array_column(array_map(fn ($r) => (array) $r, DB::select("EXPLAIN SELECT count(*) FROM products WHERE (sku::text || ' ' || name::text) ILIKE ?", ['%'.$term.'%'])), 'QUERY PLAN'));

$products = DB::table('products')->count();
$before = memory_get_peak_usage(true);
$t = microtime(true);
$out = fopen('/dev/null', 'w');
app(ProductExporter::class)->csv($out, ['trashed' => 'with']);
fclose($out);
$exportMs = (microtime(true) - $t) * 1000;

echo json_encode([
    'products' => $products, 'term' => $term, 'matches' => $matches,
    'listSearchMs' => ['trigramIndex' => $indexed, 'seqScan' => $scan, 'speedup' => round($scan / max(0.01, $indexed), 1)],
    'usesTrigramIndex' => str_contains($plan, 'products_search_trgm_index'),
    'exportCsv' => ['rows' => $products, 'ms' => round($exportMs), 'peakMemoryMB' => round(memory_get_peak_usage(true) / 1048576, 1), 'peakBeforeExportMB' => round($before / 1048576, 1)],
]), "\n";
