<?php

namespace App\Console\Commands;

use App\Services\Broadcasting\OrderOutboxRelay;
use Illuminate\Console\Command;
use Illuminate\Support\Facades\DB;

/**
 * Long-running: broadcasts the gateway's order events to the admin's Echo channels (runtime component
 * admin-broadcaster). Sleeps in LISTEN until the order worker signals new events; no polling.
 */
class BroadcastOrderEvents extends Command
{
    protected $signature = 'orders:broadcast {--max-wait-ms=10000 : longest wait for a notification before a safety read} {--once : one read, then exit}';

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
        $wait = max(100, (int) $this->option('max-wait-ms'));
        $this->info('relaying order events to admin.orders / admin.orders.{id} (LISTEN '.OrderOutboxRelay::CHANNEL.')');
        $listening = false;
        do {
            try {
                // LISTEN before the read: a notification sent during the read waits in the queue
                if (! $listening && ! $this->option('once')) {
                    $relay->listen();
                    $listening = true;
                }
                $sent = $relay->poll();
                if ($sent === 0 && ! $this->option('once') && ! $this->stop) {
                    $relay->waitForNotification($wait);
                }
            } catch (\Throwable $e) {
                // PostgreSQL or Redis away for a moment: keep the process, retry (unsent events stay pending)
                $this->warn('order relay: '.$e->getMessage());
                $listening = false;
                DB::disconnect();
                usleep(1_000_000);
            }
        } while (! $this->stop && ! $this->option('once'));

        return self::SUCCESS;
    }
}
