import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Order-flow settings (env variables, all optional with defaults). */
export class OrdersConfig {
  /** Lifetime of a stock reservation of a pending order; the reaper releases it afterwards. */
  @Type(() => Number) @IsInt() @Min(5) @Max(86_400) ORDER_RESERVATION_TTL_SECONDS = 900;
  /** How often the worker's reaper looks for expired reservations. */
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) ORDER_REAPER_INTERVAL_MS = 30_000;
  /** How long a replay of an in-flight Idempotency-Key waits for the original to finish. */
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) ORDER_IDEMPOTENCY_WAIT_MS = 20_000;
  /** How long the settlement after the charge is retried while PostgreSQL is unreachable (a restart). */
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) ORDER_SETTLE_RETRY_MS = 30_000;
}
