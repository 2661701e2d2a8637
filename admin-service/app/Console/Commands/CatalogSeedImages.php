<?php

namespace App\Console\Commands;

use App\Services\Images\DemoImagePainter;
use Illuminate\Console\Command;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;

/** Gives every product_images row whose file is missing a real, deterministic demo picture (GD). */
class CatalogSeedImages extends Command
{
    protected $signature = 'catalog:seed-images {--force : repaint files that exist} {--sku-prefix= : only products whose sku starts with this} {--shard= : I/N: only the rows whose id mod N is I, so N processes can paint in parallel}';

    protected $description = 'Paint the missing product image files of the demo catalog (deterministic, GD)';

    public function handle(DemoImagePainter $painter): int
    {
        $shard = $this->shard();
        if ($shard === false) {
            $this->error('--shard must be I/N with 0 <= I < N, e.g. 0/2');

            return self::INVALID;
        }
        $disk = Storage::disk('media');
        $painted = 0;
        $started = microtime(true);
        DB::table('product_images')->join('products', 'products.id', '=', 'product_images.product_id')
            ->where('product_images.path', 'not like', 'http%')
            ->when($this->option('sku-prefix'), fn ($q, $prefix) => $q->where('products.sku', 'like', addcslashes($prefix, '%_\\').'%'))
            ->when($shard, fn ($q) => $q->whereRaw('product_images.id % ? = ?', [$shard[1], $shard[0]]))
            ->select('product_images.id', 'product_images.path', 'products.name', 'products.sku')
            ->orderBy('product_images.id')
            ->chunk(2000, function ($rows) use ($disk, $painter, &$painted) {
                foreach ($rows as $row) {
                    $file = $disk->path($row->path);
                    if ($this->option('force') || ! is_file($file)) {
                        $painter->paint($row->path, "{$row->name} ({$row->sku})", $file);
                        $painted++;
                    }
                }
            });
        $this->line(sprintf('painted %d product images in %.1f s under %s', $painted, microtime(true) - $started, $disk->path('')));

        return self::SUCCESS;
    }

    /** @return array{int, int}|false|null [I, N] for --shard=I/N, null without the option, false when malformed */
    private function shard(): array|false|null
    {
        $value = $this->option('shard');
        if ($value === null) {
            return null;
        }
        if (! preg_match('#^(\d+)/([1-9]\d*)$#', $value, $m) || (int) $m[1] >= (int) $m[2]) {
            return false;
        }

        return [(int) $m[1], (int) $m[2]];
    }
}
