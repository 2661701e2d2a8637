import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { Kafka, logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logging/logger';
import { LoggingModule } from '../common/logging/logging.module';
import { RedisModule } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { ProductCacheInvalidator } from '../products/product-cache.service';
import { ProductReader } from '../products/product-reader';
import { searchDatabaseOptions } from '../search/database.options';
import { OrderDocumentSource } from '../search/documents/order-document.source';
import { ProductDocumentSource } from '../search/documents/product-document.source';
import { SEARCH_CLIENT, SearchClient } from '../search/es/es-client';
import { IndexManager } from '../search/index/index-manager';
import { SearchCoreModule } from '../search/search-core.module';
import { SearchSettings } from '../search/search.settings';
import { CatalogSyncService } from './catalog-sync.service';
import { CdcConsumer } from './cdc-consumer';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { IndexerMetrics } from './indexer-metrics';

export const KAFKA = Symbol('KAFKA');

/** Overrides for tests/replays: another consumer group, refresh mode. */
export interface IndexerOptions {
  groupId?: string;
  refresh?: 'wait_for' | 'refresh';
}
export const INDEXER_OPTIONS = Symbol('INDEXER_OPTIONS');

@Injectable()
class KafkaCloser implements OnApplicationShutdown {
  constructor(private readonly consumer: CdcConsumer) {}
  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop().catch(() => undefined);
  }
}

@Module({})
export class IndexerModule {
  static forRoot(options: IndexerOptions = {}) {
    return {
      module: IndexerModule,
      imports: [
        ConfigModule.forRoot(),
        LoggingModule.forRoot(),
        RedisModule,
        SearchCoreModule,
        TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: (cfg: AppConfig) => searchDatabaseOptions(cfg, 'search-indexer') }),
      ],
      providers: [
        { provide: INDEXER_OPTIONS, useValue: options },
        ProductReader,
        ProductCacheInvalidator,
        IndexerMetrics,
        {
          provide: KAFKA,
          inject: [SearchSettings],
          useFactory: (s: SearchSettings) => new Kafka({ clientId: 'search-indexer', brokers: s.brokers, logLevel: logLevel.WARN }),
        },
        {
          provide: ProductDocumentSource,
          inject: [getDataSourceToken(), ProductReader],
          useFactory: (db: DataSource, reader: ProductReader) => new ProductDocumentSource(db, reader),
        },
        { provide: OrderDocumentSource, inject: [getDataSourceToken()], useFactory: (db: DataSource) => new OrderDocumentSource(db) },
        {
          provide: CatalogSyncService,
          inject: [SEARCH_CLIENT, SearchSettings, IndexManager, ProductDocumentSource, OrderDocumentSource, ProductCacheInvalidator, IndexerMetrics, INDEXER_OPTIONS],
          useFactory: (es: SearchClient, s: SearchSettings, im: IndexManager, p: ProductDocumentSource, o: OrderDocumentSource,
            inv: ProductCacheInvalidator, m: IndexerMetrics, opts: IndexerOptions) => new CatalogSyncService(es, s, im, p, o, inv, m, opts.refresh ?? 'refresh'),
        },
        {
          provide: CdcConsumer,
          inject: [KAFKA, SearchSettings, CatalogSyncService, IndexerMetrics, LOGGER, INDEXER_OPTIONS],
          useFactory: async (kafka: Kafka, s: SearchSettings, sync: CatalogSyncService, m: IndexerMetrics, log: Logger, opts: IndexerOptions) => {
            const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
            await producer.connect();
            const consumer = kafka.consumer({
              groupId: opts.groupId ?? s.INDEXER_GROUP_ID,
              maxWaitTimeInMs: 100,
              // a killed indexer's group membership lapses within 6 s (the broker minimum), so its restarted process
              // (runtime supervisor / Compose restart policy) gets the partitions back quickly
              sessionTimeout: 6000,
              heartbeatInterval: 2000,
              allowAutoTopicCreation: false,
            });
            consumer.on(consumer.events.DISCONNECT, () => void producer.disconnect().catch(() => undefined));
            return new CdcConsumer(consumer, s, sync, new DeadLetterPublisher(producer, s.INDEXER_DLQ_TOPIC), m, log.child({ component: 'indexer' }));
          },
        },
        KafkaCloser,
      ],
      exports: [CdcConsumer, IndexerMetrics, KAFKA],
    };
  }
}
