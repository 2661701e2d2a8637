import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { OutboxPruner } from './outbox-pruner.service';

const FIRST_RUN_DELAY_MS = 60_000;
const INTERVAL_MS = 3_600_000;

/** Runs the outbox pruner a minute after start, then hourly (worker process only). */
@Injectable()
export class OutboxPrunerScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxPrunerScheduler.name);
  private readonly stopping = new AbortController();
  private firstRun: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly pruner: OutboxPruner) {}

  start(): void {
    this.firstRun = setTimeout(() => this.run(), FIRST_RUN_DELAY_MS);
    this.timer = setInterval(() => this.run(), INTERVAL_MS);
  }

  private run(): void {
    if (this.running) return;
    this.running = this.pruner
      .prune({ signal: this.stopping.signal })
      .catch((err: unknown) => this.logger.error(`outbox prune failed: ${(err as Error)?.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** A long first run (a large backlog) stops after its current batch. */
  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.firstRun);
    clearInterval(this.timer);
    this.stopping.abort();
    await this.running;
  }
}
