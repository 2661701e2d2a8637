<?php

namespace App\Services\Import;

use App\Jobs\ImportProducts;
use App\Models\ImportBatch;
use Illuminate\Http\UploadedFile;
use Illuminate\Support\Facades\Storage;
use Illuminate\Support\Str;
use Illuminate\Validation\ValidationException;

/** Checks an uploaded file as a whole, records the batch and queues it. A bad file writes nothing. */
class ImportStarter
{
    public function __construct(private FileInspector $inspector)
    {
    }

    public function start(UploadedFile $file, string $format, bool $dryRun, array $mapping, int $userId): ImportBatch
    {
        $path = Storage::disk('imports')->putFileAs('', $file, Str::uuid()->toString().'.'.$format);
        try {
            $inspected = $this->inspector->inspect(Storage::disk('imports')->path($path), $format, $mapping);
        } catch (ImportFileError $e) {
            Storage::disk('imports')->delete($path);
            throw ValidationException::withMessages([$e->field => $e->getMessage()]);
        }
        $batch = ImportBatch::query()->create([
            'user_id' => $userId, 'filename' => Str::limit($file->getClientOriginalName(), 250, ''), 'format' => $format,
            'dry_run' => $dryRun, 'source_path' => $path, 'mapping' => $mapping ?: new \stdClass(), 'total_rows' => $inspected['rows'],
        ]);
        ImportProducts::dispatch($batch->id);

        return $batch->refresh();
    }
}
