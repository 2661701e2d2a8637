import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** Order-event settings (env variables, optional with defaults). */
export class EventsConfig {
  @IsString() @MinLength(1) KAFKA_BROKERS = '127.0.0.1:9092';
  /** Consumer group of the confirmation-email sender in the worker. */
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) ORDER_MAIL_GROUP_ID = 'order-mailer';
  /** Partitions of each order topic (messages are keyed by order id). */
  @Type(() => Number) @IsInt() @Min(1) @Max(64) ORDER_TOPIC_PARTITIONS = 3;

  get brokers(): string[] {
    return this.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
  }
}
