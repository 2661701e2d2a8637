<?php

namespace App\Services\Catalog;

use App\Jobs\RunBulkProductAction;
use App\Models\Product;
use Illuminate\Database\Eloquent\Builder;
use Illuminate\Support\Facades\DB;

/**
 * Bulk actions on a selection or on everything matching the list's filter, each ONE transaction
 * of set-based statements. Larger than catalog.bulk_sync_limit: queued (RunBulkProductAction).
 */
class BulkProductActions
{
    public const ACTIONS = ['delete', 'restore', 'category', 'status', 'price'];

    public function __construct(private ProductFilter $filter)
    {
    }

    /** @return array{queued: bool, count: int} */
    public function request(string $action, array $target, array $params): array
    {
        $count = $this->target($target)->count();
        if ($count > config('catalog.bulk_sync_limit')) {
            RunBulkProductAction::dispatch($action, $target, $params);

            return ['queued' => true, 'count' => $count];
        }

        return ['queued' => false, 'count' => $this->run($action, $target, $params)];
    }

    /** @param array{ids?: list<int>, filter?: array<string, string>} $target */
    public function run(string $action, array $target, array $params): int
    {
        return DB::transaction(function () use ($action, $target, $params) {
            $q = $this->target($target)->reorder();

            return match ($action) {
                'delete' => $q->whereNull('deleted_at')->update(['deleted_at' => now()]),
                'restore' => $q->whereNotNull('deleted_at')->update(['deleted_at' => null]),
                'category' => $q->update(['category_id' => (int) $params['category_id']]),
                'status' => $q->update(['status' => $params['status']]),
                'price' => $q->update(['price' => DB::raw('round(price * '.sprintf('%.6F', 1 + ((float) $params['percent']) / 100).', 2)')]),
            };
        });
    }

    private function target(array $target): Builder
    {
        if (isset($target['ids'])) {
            return Product::withTrashed()->whereIn('id', array_map('intval', $target['ids']));
        }

        return $this->filter->query($target['filter'] ?? []);
    }
}
