<?php

namespace App\Console\Commands;

use App\Services\Broadcasting\OrderOutboxRelay;
use Illuminate\Console\Command;

/** Long-running: broadcasts the gateway's order events to the admin's Echo channels (runtime component admin-broadcaster). */
class BroadcastOrderEvents extends Command
{
    protected $signature = 'orders:broadcast {--poll-ms=150 : pause between polls when nothing was new} {--once : one poll, then exit}';

    protected $description = "Relay order.created / order.status_changed from the gateway's outbox to Laravel broadcasting (Redis -> Echo server)";

    private bool $stop = false;

    public function handle(OrderOutboxRelay $relay): int
    {
        $relay->startAtEnd();
        if (function_exists('pcntl_signal')) {
            pcntl_async_signals(true);
            pcntl_signal(SIGTERM, fn () => $this->stop = true);
            pcntl_signal(SIGINT, fn () => $this->stop = true);
        }
        $pause = max(20, (int) $this->option('poll-ms')) * 1000;
        $this->info('relaying order events to admin.orders / admin.orders.{id}');
        do {
            try {
                $sent = $relay->poll();
            } catch (\Throwable $e) {
                // PostgreSQL or Redis away for a moment: keep the process, retry (unsent events stay pending)
                $this->warn('order relay: '.$e->getMessage());
                $sent = 0;
                usleep(1_000_000);
            }
            if ($sent === 0 && ! $this->option('once')) {
                usleep($pause);
            }
        } while (! $this->stop && ! $this->option('once'));

        return self::SUCCESS;
    }
}
