import type { Admin } from 'kafkajs';
import type { SearchSettings } from '../search/search.settings';

/** Tables whose Debezium topics the indexer consumes. */
export const CATALOG_TABLES = ['products', 'categories', 'brands', 'inventory', 'product_images'] as const;
export const ORDER_TABLES = ['orders', 'order_items'] as const;

export function cdcTopics(settings: SearchSettings): string[] {
  return [...CATALOG_TABLES, ...ORDER_TABLES].map((t) => settings.topic(t));
}

/**
 * Topic settings of connectors/catalog-postgres.json's topic.creation groups (catalog, orders): a
 * topic the indexer creates first must be the topic Debezium would have created. Compacted, so a
 * replay holds every row's last state; deletes (tombstones) are kept a day, so a consumer that
 * replays can still see them; catalog changes stay uncompacted a minute (min.compaction.lag.ms).
 * cdc-topics.spec.ts keeps these equal to the connector file.
 */
const TABLE_GROUP_CONFIGS: Record<'catalog' | 'orders', Record<string, string>> = {
  catalog: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '60000', 'delete.retention.ms': '86400000' },
  orders: { 'cleanup.policy': 'compact', 'delete.retention.ms': '86400000' },
};
const CDC_PARTITIONS = 3;

export interface TopicPlan {
  topic: string;
  numPartitions: number;
  configs: Record<string, string>;
}

/** Every topic the indexer reads or writes, with the settings it gets when the indexer creates it. */
export function topicPlan(settings: SearchSettings): TopicPlan[] {
  const cdc = (tables: readonly string[], group: keyof typeof TABLE_GROUP_CONFIGS) =>
    tables.map((t) => ({ topic: settings.topic(t), numPartitions: CDC_PARTITIONS, configs: TABLE_GROUP_CONFIGS[group] }));
  return [
    ...cdc(CATALOG_TABLES, 'catalog'),
    ...cdc(ORDER_TABLES, 'orders'),
    { topic: settings.INDEXER_DLQ_TOPIC, numPartitions: 1, configs: { 'cleanup.policy': 'delete' } },
  ];
}

/** Creates the missing topics of topicPlan, so the consumer can subscribe before the first change is captured. */
export async function ensureTopics(admin: Admin, settings: SearchSettings): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const topics = topicPlan(settings)
    .filter((p) => !existing.has(p.topic))
    .map((p) => ({
      topic: p.topic,
      numPartitions: p.numPartitions,
      replicationFactor: 1,
      configEntries: Object.entries(p.configs).map(([name, value]) => ({ name, value })),
    }));
  if (topics.length)
    await admin.createTopics({ topics, waitForLeaders: true }).catch((err: Error) => {
      if (!/already exists/i.test(err.message)) throw err;
    });
}
