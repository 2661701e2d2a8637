import { IsString, MinLength } from 'class-validator';

/**
 * KAFKA_BROKERS, declared once: part of the gateway/indexer environment (EnvironmentSchema) and
 * of the order events' section (EventsConfig), both of which extend this class.
 */
export class KafkaSettings {
  /** Comma-separated host:port list. */
  @IsString() @MinLength(1) KAFKA_BROKERS = '127.0.0.1:9092';

  get brokers(): string[] {
    return this.KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter(Boolean);
  }
}
