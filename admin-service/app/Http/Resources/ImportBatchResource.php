<?php

namespace App\Http\Resources;

use Illuminate\Http\Resources\Json\JsonResource;

/** @mixin \App\Models\ImportBatch */
class ImportBatchResource extends JsonResource
{
    public function toArray($request): array
    {
        $done = $this->processed_rows + $this->failed_rows;

        return [
            'id' => $this->id,
            'filename' => $this->filename,
            'format' => $this->format,
            'dryRun' => $this->dry_run,
            'status' => $this->status,
            'totalRows' => $this->total_rows,
            'processedRows' => $this->processed_rows,
            'failedRows' => $this->failed_rows,
            'percent' => $this->total_rows ? (int) floor(100 * $done / $this->total_rows) : 0,
            'rowsPerSecond' => $this->rate(),
            'errors' => array_slice($this->errors ?? [], 0, 50),
            'errorCount' => count($this->errors ?? []),
            'createdAt' => optional($this->created_at)->toIso8601String(),
            'startedAt' => optional($this->started_at)->toIso8601String(),
            'finishedAt' => optional($this->finished_at)->toIso8601String(),
        ];
    }
}
