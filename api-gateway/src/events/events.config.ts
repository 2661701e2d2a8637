import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { KafkaSettings } from '../config/kafka.settings';

/** Order-event settings (env variables, optional with defaults); KAFKA_BROKERS and `brokers` come from KafkaSettings. */
export class EventsConfig extends KafkaSettings {
  /** Consumer group of the confirmation-email sender in the worker. */
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) ORDER_MAIL_GROUP_ID = 'order-mailer';
  /** Partitions of each order topic (messages are keyed by order id). */
  @Type(() => Number) @IsInt() @Min(1) @Max(64) ORDER_TOPIC_PARTITIONS = 3;
}
