<?php

namespace App\Jobs;

use App\Services\Catalog\BulkProductActions;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;

/** A large bulk action, run by the admin worker as one transaction. */
class RunBulkProductAction implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable;

    public function __construct(public string $action, public array $target, public array $params)
    {
    }

    public function handle(BulkProductActions $actions): void
    {
        $actions->run($this->action, $this->target, $this->params);
    }
}
