<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

/**
 * One bulk import: progress (processed_rows, failed_rows of total_rows), the per-row error
 * report (errors: [{line, column, message}]), and what the worker needs to resume.
 *
 * @property int $id
 * @property string $status pending|running|completed|failed
 * @property string $format csv|xlsx
 * @property bool $dry_run
 * @property array $errors
 * @property array $mapping
 */
class ImportBatch extends Model
{
    protected $table = 'import_batches';

    protected $fillable = ['user_id', 'filename', 'status', 'format', 'dry_run', 'source_path', 'mapping', 'total_rows', 'processed_rows', 'failed_rows', 'errors'];

    protected $casts = [
        'errors' => 'array', 'mapping' => 'array', 'dry_run' => 'boolean',
        'total_rows' => 'integer', 'processed_rows' => 'integer', 'failed_rows' => 'integer',
        'started_at' => 'datetime', 'finished_at' => 'datetime',
    ];

    protected $attributes = ['status' => 'pending', 'errors' => '[]', 'mapping' => '{}', 'format' => 'csv', 'dry_run' => false];

    public function user(): BelongsTo
    {
        return $this->belongsTo(User::class);
    }

    public function isFinished(): bool
    {
        return in_array($this->status, ['completed', 'failed'], true);
    }

    /** rows/s since the worker started */
    public function rate(): float
    {
        if (! $this->started_at) {
            return 0.0;
        }
        $end = $this->finished_at ?? now();
        $seconds = max(0.001, $end->getPreciseTimestamp(3) / 1000 - $this->started_at->getPreciseTimestamp(3) / 1000);

        return round(($this->processed_rows + $this->failed_rows) / $seconds, 1);
    }
}
