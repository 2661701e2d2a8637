<?php

namespace App\Jobs;

use App\Models\ImportBatch;
use App\Services\Import\ImportRunner;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;

/**
 * One time slice (SLICE_SECONDS) of a bulk import; it queues its own continuation. A worker
 * killed mid-slice leaves the job reserved: Redis hands it out again after the connection's
 * retry_after and it resumes after the last committed chunk. After $tries attempts it fails
 * the batch with the reason (never left "running" forever).
 */
class ImportProducts implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable;

    public const SLICE_SECONDS = 30;

    public int $tries = 3;

    public int $timeout = 80;

    public function __construct(public int $batchId)
    {
    }

    public function handle(ImportRunner $runner): void
    {
        $batch = ImportBatch::query()->find($this->batchId);
        if (! $batch) {
            return;
        }
        try {
            $finished = $runner->run($batch, self::SLICE_SECONDS);
        } catch (\App\Services\Import\ImportFileError $e) {
            $runner->fail($batch, $e->getMessage());

            return;
        }
        if (! $finished) {
            self::dispatch($this->batchId);
        }
    }

    public function failed(\Throwable $e): void
    {
        if ($batch = ImportBatch::query()->find($this->batchId)) {
            app(ImportRunner::class)->fail($batch, $e->getMessage());
        }
    }
}
