import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Outbox housekeeping settings (env variables, optional with defaults). */
export class OutboxConfig {
  /** The order worker deletes outbox rows older than this. Debezium publishes from the WAL, so a deleted row's event is never lost. */
  @Type(() => Number) @IsInt() @Min(1) @Max(8760) OUTBOX_RETENTION_HOURS = 168;
}
