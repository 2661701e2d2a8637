<?php

namespace App\Services\Import;

use App\Models\ImportBatch;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;

/**
 * Runs an import in chunks. Each chunk is ONE transaction holding its product upsert AND the
 * batch's progress (rows done, failed, errors), so a worker killed at any point resumes after
 * the last committed chunk: nothing is half-written and no row is counted twice.
 */
class ImportRunner
{
    public const MAX_STORED_ERRORS = 10000;

    public function __construct(private ProductUpserter $upserter)
    {
    }

    /** @return bool true when the file is done; false when the time slice ran out (call again to continue) */
    public function run(ImportBatch $batch, float $sliceSeconds = INF): bool
    {
        $started = microtime(true);
        if ($batch->isFinished()) {
            return true;
        }
        DB::table('import_batches')->where('id', $batch->id)->update(['status' => 'running', 'started_at' => $batch->started_at ?? now()]);
        $file = Storage::disk('imports')->path($batch->source_path);
        $reader = $batch->format === 'xlsx' ? new XlsxReader($file) : new CsvReader($file);
        $columns = ImportColumns::resolve($reader->header(), $batch->mapping ?? []);
        $validator = new RowValidator($columns, new CatalogLookup());
        $done = $batch->processed_rows + $batch->failed_rows;
        $chunkSize = max(1, (int) config('catalog.import_chunk_rows'));
        $seen = 0;
        $good = [];
        $errors = [];
        $bad = 0;
        foreach ($reader->rows() as $line => $cells) {
            [$row, $rowErrors] = $validator->validate($line, $cells); // earlier rows too: duplicate-sku checks need them
            if (++$seen <= $done) {
                continue;
            }
            $row ? $good[] = $row : $bad++;
            array_push($errors, ...$rowErrors);
            if (count($good) + $bad >= $chunkSize) {
                $this->commit($batch, $good, $bad, $errors);
                [$good, $errors, $bad] = [[], [], 0];
                if (microtime(true) - $started > $sliceSeconds) {
                    return false;
                }
            }
        }
        $this->commit($batch, $good, $bad, $errors);
        DB::table('import_batches')->where('id', $batch->id)->update(['status' => 'completed', 'finished_at' => now()]);
        Storage::disk('imports')->delete($batch->source_path);

        return true;
    }

    public function fail(ImportBatch $batch, string $reason): void
    {
        DB::update("UPDATE import_batches SET status = 'failed', finished_at = now(), errors = errors || ?::jsonb WHERE id = ?",
            [json_encode([['line' => 0, 'column' => '', 'message' => 'import stopped: '.$reason]]), $batch->id]);
    }

    private function commit(ImportBatch $batch, array $good, int $bad, array $errors): void
    {
        if ($good === [] && $bad === 0) {
            return;
        }
        DB::transaction(function () use ($batch, $good, $bad, $errors) {
            // no fsync wait per chunk: a crash can lose the last chunks, but their progress goes with them
            // (same transaction), so the resumed import redoes exactly those
            DB::statement('SET LOCAL synchronous_commit = off');
            if (! $batch->dry_run) {
                $this->upserter->upsert($good);
            }
            DB::update('UPDATE import_batches SET processed_rows = processed_rows + ?, failed_rows = failed_rows + ?,
                errors = CASE WHEN jsonb_array_length(errors) < ? THEN errors || ?::jsonb ELSE errors END WHERE id = ?',
                [count($good), $bad, self::MAX_STORED_ERRORS, json_encode(array_slice($errors, 0, self::MAX_STORED_ERRORS)), $batch->id]);
        });
        $batch->processed_rows += count($good);
        $batch->failed_rows += $bad;
    }
}
