import { DynamicModule, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Kafka, logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger';
import { LoggingModule } from '../common/logging/logging.module';
import { RedisModule } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { searchDatabaseOptions } from '../config/database.options';
import type { EnvironmentSchema } from '../config/env.schema';
import { SearchDocumentsModule } from '../search/documents/search-documents.module';
import { SearchCoreModule } from '../search/search-core.module';
import { SearchSettings } from '../search/search.settings';
import { CatalogSyncService } from './catalog-sync.service';
import { CdcConsumer } from './cdc-consumer';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { IndexerMetrics } from './indexer-metrics';
import { INDEXER_OPTIONS, IndexerOptions } from './indexer-options';

export { INDEXER_OPTIONS, IndexerOptions } from './indexer-options';
export const KAFKA = Symbol('KAFKA');

@Injectable()
class KafkaCloser implements OnApplicationShutdown {
  constructor(private readonly consumer: CdcConsumer) {}
  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop().catch(() => undefined);
  }
}

/** The CDC indexer process: Kafka consumer -> CatalogSyncService (DI) -> index + Redis invalidation. */
@Module({})
export class IndexerModule {
  /** `env`: the environment validated at boot (indexer.ts); options: test/replay overrides. */
  static forRoot(env: EnvironmentSchema, options: IndexerOptions = {}): DynamicModule {
    return {
      module: IndexerModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggingModule.forRoot(),
        RedisModule,
        SearchCoreModule,
        TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: (cfg: AppConfig) => searchDatabaseOptions(cfg, 'search-indexer') }),
        SearchDocumentsModule,
      ],
      providers: [
        { provide: INDEXER_OPTIONS, useValue: { refresh: env.INDEXER_REFRESH, ...options } },
        IndexerMetrics,
        CatalogSyncService,
        {
          provide: KAFKA,
          inject: [SearchSettings],
          useFactory: (s: SearchSettings) => new Kafka({ clientId: 'search-indexer', brokers: s.brokers, logLevel: logLevel.WARN }),
        },
        {
          provide: CdcConsumer,
          inject: [KAFKA, SearchSettings, CatalogSyncService, IndexerMetrics, LOGGER, INDEXER_OPTIONS],
          useFactory: async (
            kafka: Kafka,
            s: SearchSettings,
            sync: CatalogSyncService,
            m: IndexerMetrics,
            log: Logger,
            opts: IndexerOptions,
          ) => {
            const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
            await producer.connect();
            const consumer = kafka.consumer({
              groupId: opts.groupId ?? s.INDEXER_GROUP_ID,
              // how long the broker holds an empty fetch: a new change is answered at once, so this only sets the idle
              // fetch rate (was 100 ms: 10 round trips a second to Kafka); under the 2 s heartbeat, which KafkaJS sends between fetches
              maxWaitTimeInMs: 1000,
              // a killed indexer's group membership lapses within 6 s (the broker minimum), so its restarted process
              // (runtime supervisor / Compose restart policy) gets the partitions back quickly
              sessionTimeout: 6000,
              heartbeatInterval: 2000,
              allowAutoTopicCreation: false,
            });
            consumer.on(consumer.events.DISCONNECT, () => void producer.disconnect().catch(() => undefined));
            return new CdcConsumer(
              consumer,
              s,
              sync,
              new DeadLetterPublisher(producer, s.INDEXER_DLQ_TOPIC),
              m,
              log.child({ component: 'indexer' }),
            );
          },
        },
        KafkaCloser,
      ],
      exports: [CdcConsumer, IndexerMetrics, KAFKA],
    };
  }
}
