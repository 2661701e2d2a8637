<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\ImportRequest;
use App\Http\Resources\ImportBatchResource;
use App\Models\ImportBatch;
use App\Services\Import\ImportColumns;
use App\Services\Import\ImportStarter;
use App\Support\CsvCell;

class ImportController extends Controller
{
    public function index()
    {
        $this->authorize('viewAny', ImportBatch::class);

        return view('catalog.imports.index', [
            'batches' => ImportBatch::query()->with('user:id,email')->latest('id')->paginate(20),
            'fields' => array_merge(ImportColumns::REQUIRED, ImportColumns::OPTIONAL),
        ]);
    }

    public function store(ImportRequest $request, ImportStarter $starter)
    {
        $batch = $starter->start($request->file('file'), $request->fileFormat(), $request->boolean('dry_run'), $request->mapping(), $request->user()->id);

        return redirect()->route('admin.imports.show', $batch)->with('success', ($batch->dry_run ? 'Dry run' : 'Import')." of {$batch->total_rows} rows queued.");
    }

    public function show(ImportBatch $import)
    {
        $this->authorize('view', $import);

        return view('catalog.imports.show', ['batch' => $import, 'initial' => (new ImportBatchResource($import))->resolve()]);
    }

    public function progress(ImportBatch $import)
    {
        $this->authorize('view', $import);

        return new ImportBatchResource($import);
    }

    /** The per-row error report as CSV (line, column, message). */
    public function errors(ImportBatch $import)
    {
        $this->authorize('view', $import);

        return response()->streamDownload(function () use ($import) {
            $out = fopen('php://output', 'w');
            fputcsv($out, ['line', 'column', 'message']);
            foreach ($import->errors ?? [] as $e) {
                fputcsv($out, [$e['line'] ?? '', CsvCell::safe((string) ($e['column'] ?? '')), CsvCell::safe((string) ($e['message'] ?? ''))]);
            }
            fclose($out);
        }, "import-{$import->id}-errors.csv", ['Content-Type' => 'text/csv; charset=UTF-8']);
    }
}
