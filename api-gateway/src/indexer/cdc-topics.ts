import type { Admin } from 'kafkajs';
import type { SearchSettings } from '../search/search.settings';

/** Tables whose Debezium topics the indexer consumes. */
export const CATALOG_TABLES = ['products', 'categories', 'brands', 'inventory', 'product_images'] as const;
export const ORDER_TABLES = ['orders', 'order_items'] as const;

export function cdcTopics(settings: SearchSettings): string[] {
  return [...CATALOG_TABLES, ...ORDER_TABLES].map((t) => settings.topic(t));
}

/**
 * Creates missing topics with the same layout Debezium would use (connectors/catalog-postgres.json:
 * 3 partitions, compacted), so the consumer can subscribe before the first change is captured.
 */
export async function ensureTopics(admin: Admin, settings: SearchSettings): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = cdcTopics(settings).filter((t) => !existing.has(t));
  const topics = missing.map((topic) => ({
    topic,
    numPartitions: 3,
    replicationFactor: 1,
    configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
  }));
  if (!existing.has(settings.INDEXER_DLQ_TOPIC)) {
    topics.push({
      topic: settings.INDEXER_DLQ_TOPIC,
      numPartitions: 1,
      replicationFactor: 1,
      configEntries: [{ name: 'cleanup.policy', value: 'delete' }],
    });
  }
  if (topics.length)
    await admin.createTopics({ topics, waitForLeaders: true }).catch((err: Error) => {
      if (!/already exists/i.test(err.message)) throw err;
    });
}
