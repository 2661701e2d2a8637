<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Models\Product;
use App\Services\Catalog\ProductFilter;
use App\Services\Export\ProductExporter;
use Illuminate\Http\Request;

/** Products matching the list's filter as CSV (streamed) or XLSX. */
class ExportController extends Controller
{
    public function __invoke(Request $request, ProductExporter $exporter, string $format)
    {
        $this->authorize('viewAny', Product::class);
        $filters = ProductFilter::from($request->query());
        $name = 'products-'.now()->format('Ymd-His');
        if ($format === 'xlsx') {
            $file = tempnam(sys_get_temp_dir(), 'export').'.xlsx';
            $exporter->xlsx($file, $filters);

            return response()->download($file, "$name.xlsx", ['Content-Type' => 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])->deleteFileAfterSend();
        }

        return response()->streamDownload(function () use ($exporter, $filters) {
            $out = fopen('php://output', 'w');
            $exporter->csv($out, $filters);
            fclose($out);
        }, "$name.csv", ['Content-Type' => 'text/csv; charset=UTF-8']);
    }
}
