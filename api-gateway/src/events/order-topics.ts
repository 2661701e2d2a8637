import type { Admin } from 'kafkajs';
import { ORDER_EVENT_TYPES } from './order-events';

/** Creates the order topics if missing (the broker runs with auto.create.topics.enable=false). */
export async function ensureOrderTopics(admin: Admin, partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = ORDER_EVENT_TYPES.filter((t) => !existing.has(t));
  if (!missing.length) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } catch (err) {
    // a concurrent creator (API and worker start together) is fine
    if (!/already exists/i.test(String((err as Error)?.message))) throw err;
  }
}
