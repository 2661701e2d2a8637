import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { OrdersConfig } from './config/orders.config';
import { ReservationReaper } from './reservation-reaper.service';

/** Runs the reaper every ORDER_REAPER_INTERVAL_MS (worker process only). */
@Injectable()
export class ReservationReaperScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(ReservationReaperScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly reaper: ReservationReaper,
    private readonly config: OrdersConfig,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.reaper
        .sweep()
        .catch((err: unknown) => this.logger.error(`reaper sweep failed: ${(err as Error)?.message}`))
        .finally(() => {
          this.running = undefined;
        });
    }, this.config.ORDER_REAPER_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
