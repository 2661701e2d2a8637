#!/usr/bin/env node
// Pre-creates the CDC topics of Debezium connector files with exactly the settings their
// topic.creation.* groups would use, so consumers (indexer, analytics) can subscribe before
// the first change of a still-empty table (the broker has auto.create.topics.enable=false).
// Existing topics are left alone; a partition-count mismatch is reported.
//   node connectors/ensure-topics.mjs [connector file...]   (default: connectors/catalog-postgres.json)
// Env: KAFKA_BROKERS (default 127.0.0.1:9092). Uses kafkajs from runtime/node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../runtime/package.json', import.meta.url));
const { Kafka, logLevel } = require('kafkajs');

const files = process.argv.length > 2 ? process.argv.slice(2) : [new URL('./catalog-postgres.json', import.meta.url).pathname];
const configs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')).config);
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');

export function plannedTopics(cfg) {
  const prefix = cfg['topic.prefix'];
  const tables = (cfg['table.include.list'] || '').split(',').map((s) => s.trim()).filter(Boolean);
  const groups = (cfg['topic.creation.groups'] || '').split(',').map((s) => s.trim()).filter(Boolean);
  const settings = (g) => {
    const p = `topic.creation.${g}.`;
    const out = {};
    for (const [k, v] of Object.entries(cfg)) if (k.startsWith(p)) out[k.slice(p.length)] = String(v);
    return out;
  };
  const dflt = settings('default');
  return tables
    .filter((t) => /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/.test(t)) // literal schema.table only
    .map((t) => {
      const name = `${prefix}.${t}`;
      const g = groups.find((gr) => {
        const s = settings(gr);
        const inc = s.include && new RegExp(`^(?:${s.include})$`).test(name);
        const exc = s.exclude && new RegExp(`^(?:${s.exclude})$`).test(name);
        return inc && !exc;
      });
      const s = { ...dflt, ...(g ? settings(g) : {}) };
      const { include, exclude, partitions, 'replication.factor': rf, ...configs } = s;
      return { topic: name, group: g || 'default', numPartitions: Number(partitions || 1), replicationFactor: Number(rf || 1), configs };
    });
}

const kafka = new Kafka({ clientId: 'ensure-topics', brokers, logLevel: logLevel.NOTHING, retry: { retries: 5 } });
const admin = kafka.admin();
try {
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const plan = configs.flatMap(plannedTopics);
  const missing = plan.filter((p) => !existing.has(p.topic));
  if (missing.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((p) => ({
        topic: p.topic, numPartitions: p.numPartitions, replicationFactor: p.replicationFactor,
        configEntries: Object.entries(p.configs).map(([name, value]) => ({ name, value })),
      })),
    });
  }
  const present = plan.filter((p) => existing.has(p.topic));
  if (present.length) {
    const meta = await admin.fetchTopicMetadata({ topics: present.map((p) => p.topic) });
    for (const t of meta.topics) {
      const want = present.find((p) => p.topic === t.name);
      if (t.partitions.length !== want.numPartitions) {
        console.warn(`[ensure-topics] WARNING ${t.name} has ${t.partitions.length} partitions, config wants ${want.numPartitions} (delete + recreate it, then re-snapshot)`);
      }
    }
  }
  console.log(`[ensure-topics] ${plan.length} CDC topics: ${missing.length} created, ${plan.length - missing.length} already present`);
} catch (e) {
  console.error(`[ensure-topics] ERROR: ${e.message} (Kafka ${brokers.join(',')})`);
  process.exitCode = 1;
} finally {
  await admin.disconnect().catch(() => {});
}
