import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Payment settings (env variables, optional with defaults). */
export class PaymentsConfig {
  /** How long the order flow waits for the provider before treating the charge as timed out. */
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) PAYMENT_TIMEOUT_MS = 3000;
  /** How long the mock provider stalls on tok_timeout (must exceed PAYMENT_TIMEOUT_MS). */
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) MOCK_PAYMENT_SLOW_MS = 10_000;
}
