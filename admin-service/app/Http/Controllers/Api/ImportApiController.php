<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\ImportRequest;
use App\Http\Resources\ImportBatchResource;
use App\Models\ImportBatch;
use App\Services\Import\ImportStarter;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Gate;
use Illuminate\Validation\ValidationException;

/** /admin/api/imports: upload (multipart `file`, `dry_run`, `mapping[field]`) and poll a batch. */
class ImportApiController extends Controller
{
    public function store(ImportRequest $request, ImportStarter $starter)
    {
        // a batch belongs to a person: the admin, or the admin who created the service key
        $owner = $request->user()?->id ?? $request->attributes->get('api_key')?->created_by;
        if ($owner === null) {
            throw ValidationException::withMessages(['X-Api-Key' => 'This API key has no owner (created_by): create one in the admin to import.']);
        }
        $batch = $starter->start($request->file('file'), $request->fileFormat(), $request->boolean('dry_run'), $request->mapping(), (int) $owner);

        return (new ImportBatchResource($batch))->response()->setStatusCode(202);
    }

    public function show(Request $request, ImportBatch $import)
    {
        Gate::forUser($request->user())->authorize('view', $import);

        return new ImportBatchResource($import);
    }
}
