import 'reflect-metadata';
import './common/kafka/kafkajs-idle-timer.fix';
import { NestFactory } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { LOGGER } from './common/logging/logger';
import { CdcConsumer } from './indexer/cdc-consumer';
import { ensureTopics } from './indexer/cdc-topics';
import { IndexerMetrics } from './indexer/indexer-metrics';
import { startIndexerHttp } from './indexer/indexer-http';
import { IndexerModule, KAFKA } from './indexer/indexer.module';
import { orderIndexDefinition, productIndexDefinition } from './search/index/index-definitions';
import { loadConfigOrExit, runProcess } from './config/run-process';
import { IndexManager } from './search/index/index-manager';
import { SEARCH_CLIENT, SearchClient } from './search/es/es-client';
import { waitForSearchNode } from './search/es/wait-for-search-node';
import { SearchSettings } from './search/search.settings';

/**
 * CDC indexer process: `node dist/indexer.js`. Consumes the Debezium topics, keeps the products
 * and orders indexes in sync and serves /health and /metrics on INDEXER_HTTP_PORT (3001).
 * INDEXER_GROUP_ID overrides the consumer group (e.g. a replay from the beginning of the topics).
 * INDEXER_REFRESH: `refresh` (default: explicit refresh after each batch, lowest freshness) or
 * `wait_for` (bulk waits for the periodic refresh: cheaper for ES, adds up to refresh_interval).
 * Every setting is validated before anything starts: a bad one exits 78 naming it.
 */
const SEARCH_NODE_WAIT_MS = 120_000;

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  const ctx = await NestFactory.createApplicationContext(IndexerModule.forRoot(env), { logger: ['error', 'warn'] });
  const settings = ctx.get(SearchSettings);
  const log = ctx.get<Logger>(LOGGER).child({ component: 'indexer' });
  const indexes = ctx.get(IndexManager);
  // `make up` starts the indexer beside the search node: its Node start overlaps the node's
  await waitForSearchNode(ctx.get<SearchClient>(SEARCH_CLIENT), {
    timeoutMs: SEARCH_NODE_WAIT_MS,
    pollMs: 250,
    onWaiting: (reason) => log.info({ reason }, 'waiting for the search node'),
  });
  await indexes.ensure(settings.SEARCH_PRODUCTS_ALIAS, settings.productsWriteAlias, productIndexDefinition());
  await indexes.ensure(settings.SEARCH_ORDERS_ALIAS, settings.ordersWriteAlias, orderIndexDefinition());
  const admin = ctx.get<Kafka>(KAFKA).admin();
  await admin.connect();
  await ensureTopics(admin, settings);
  await admin.disconnect();
  const consumer = ctx.get(CdcConsumer);
  consumer.onFatal = (err) => {
    log.error({ err: err?.message }, 'consumer stopped for good, exiting for a restart');
    process.exit(1);
  };
  const server = await startIndexerHttp(settings.INDEXER_HTTP_PORT, ctx.get(IndexerMetrics), () => consumer.isRunning);
  const shutdown = (signal: string) => {
    log.info({ signal }, 'indexer stopping');
    server.close();
    ctx.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await consumer.start(true);
  log.info({ port: settings.INDEXER_HTTP_PORT, group: settings.INDEXER_GROUP_ID }, 'indexer consuming');
}

runProcess('indexer failed', main);
