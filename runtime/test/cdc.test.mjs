// CDC integration test on the real components (no mocks): Postgres (wal_level=logical) ->
// Debezium PostgresConnector in Kafka Connect -> Kafka -> kafkajs consumer.
// It registers its OWN throwaway connector (own slot, publication, topic prefix, table) built
// from connectors/catalog-postgres.json, so the production SMT/converter/decimal settings are
// what is tested, then removes everything it created.
// Needs: runtime/platform.sh up postgres kafka connect  (make test starts the whole platform).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { ROOT, env } from '../support.mjs';

const CONNECT = (env.CONNECT_URL || 'http://127.0.0.1:8083').replace(/\/$/, '');
const BROKERS = (env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const EVENT_TIMEOUT_MS = 30_000;

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const TABLE = `cdc_smoke_${run}`;
const CONNECTOR = `cdc-smoke-${run}`;
const SLOT = `cdc_smoke_${run}`;
const PREFIX = `cdcsmoke_${run}`;
const TOPIC = `${PREFIX}.public.${TABLE}`;

const db = new pg.Client({
  host: env.DB_HOST, port: Number(env.DB_PORT), database: env.DB_DATABASE,
  user: env.DB_USERNAME, password: env.DB_PASSWORD,
});
const kafka = new Kafka({ clientId: `cdc-test-${run}`, brokers: BROKERS, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
let consumer;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function rest(method, path, body) {
  const res = await fetch(CONNECT + path, {
    method, headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json; try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return { status: res.status, json };
}
async function waitFor(what, timeoutMs, fn) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeoutMs) {
    last = await fn();
    if (last) return last;
    await sleep(500);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

// The production connector config, pointed at the throwaway table/slot/publication/prefix.
function smokeConfig() {
  const { config } = JSON.parse(readFileSync(ROOT + 'connectors/catalog-postgres.json', 'utf8'));
  const c = { ...config };
  delete c['heartbeat.action.query'];   // the smoke connector must not touch debezium.heartbeat
  delete c['signal.data.collection'];
  Object.assign(c, {
    'topic.prefix': PREFIX,
    'slot.name': SLOT,
    'publication.name': SLOT,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${TABLE}`,
    'snapshot.mode': 'no_data',
    'heartbeat.interval.ms': '0',
  });
  return c;
}

before(async () => {
  await db.connect();
  const root = await rest('GET', '/').catch((e) => { throw new Error(`Kafka Connect not reachable at ${CONNECT}: ${e.cause?.code || e.message}`); });
  assert.equal(root.status, 200, 'Connect REST GET /');
  await admin.connect();
  await db.query(`CREATE TABLE ${TABLE} (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL)`);
});

after(async () => {
  // Best effort, in dependency order; every step is independent of the previous one failing.
  const steps = [
    () => consumer?.disconnect(),
    () => consumer && admin.deleteGroups([`cdc-test-${run}`]),
    async () => {
      if ((await rest('GET', `/connectors/${CONNECTOR}`)).status !== 200) return;
      await rest('PUT', `/connectors/${CONNECTOR}/stop`);
      await waitFor('connector STOPPED', 20_000, async () => (await rest('GET', `/connectors/${CONNECTOR}/status`)).json?.connector?.state === 'STOPPED').catch(() => {});
      await rest('DELETE', `/connectors/${CONNECTOR}/offsets`);
      await rest('DELETE', `/connectors/${CONNECTOR}`);
    },
    async () => {
      await waitFor('slot released', 20_000, async () => {
        const r = await db.query('SELECT active FROM pg_replication_slots WHERE slot_name = $1', [SLOT]);
        return r.rowCount === 0 || !r.rows[0].active;
      });
      await db.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [SLOT]);
    },
    () => db.query(`DROP PUBLICATION IF EXISTS ${SLOT}`),
    () => db.query(`DROP TABLE IF EXISTS ${TABLE}`),
    async () => {
      const topics = (await admin.listTopics()).filter((t) => t.includes(PREFIX));
      if (topics.length) await admin.deleteTopics({ topics });
    },
    () => admin.disconnect(),
    () => db.end(),
  ];
  for (const [i, s] of steps.entries()) {
    const t = Date.now();
    try { await s(); } catch (e) { console.error(`cleanup: ${e.message}`); }
    if (process.env.CDC_TEST_DEBUG) console.error(`cleanup step ${i}: ${Date.now() - t} ms`);
  }
});

test('Debezium streams insert, update and delete of a Postgres row to Kafka with op, LSN and values', async () => {
  // 1. register the throwaway connector and wait for RUNNING (connector + task)
  const put = await rest('PUT', `/connectors/${CONNECTOR}/config`, smokeConfig());
  assert.ok([200, 201].includes(put.status), `PUT connector -> ${put.status} ${JSON.stringify(put.json)}`);
  await waitFor('connector and task RUNNING', 60_000, async () => {
    const s = (await rest('GET', `/connectors/${CONNECTOR}/status`)).json;
    const failed = s && [s.connector, ...(s.tasks || [])].find((x) => x?.state === 'FAILED');
    if (failed) throw new Error(`connector FAILED:\n${failed.trace}`);
    return s?.connector?.state === 'RUNNING' && s.tasks?.length > 0 && s.tasks.every((t) => t.state === 'RUNNING');
  });
  // streaming has started once the task holds its replication slot
  await waitFor(`replication slot ${SLOT} active`, 30_000, async () =>
    (await db.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1 AND active', [SLOT])).rowCount === 1);
  const pub = await db.query('SELECT tablename FROM pg_publication_tables WHERE pubname = $1', [SLOT]);
  assert.deepEqual(pub.rows.map((r) => r.tablename), [TABLE], 'filtered publication holds only the smoke table');

  // 2. the three changes
  const t0 = Date.now();
  await db.query(`INSERT INTO ${TABLE} (id, name, price) VALUES (1, 'widget', 9.99)`);
  await db.query(`UPDATE ${TABLE} SET name = 'widget v2', price = 12.50 WHERE id = 1`);
  await db.query(`DELETE FROM ${TABLE} WHERE id = 1`);

  // 3. read them back (topic is created by Connect's topic.creation on the first record)
  await waitFor(`topic ${TOPIC}`, EVENT_TIMEOUT_MS, async () => (await admin.listTopics()).includes(TOPIC));
  const events = [];
  consumer = kafka.consumer({ groupId: `cdc-test-${run}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  const got4 = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        events.push({
          key: JSON.parse(message.key.toString()),
          value: message.value === null ? null : JSON.parse(message.value.toString()),
        });
        if (events.length >= 4) resolve();
      },
    });
  });
  const remaining = Math.max(EVENT_TIMEOUT_MS - (Date.now() - t0), 1000);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(
      `only ${events.length} of 4 records within ${EVENT_TIMEOUT_MS} ms: ${JSON.stringify(events)}`)), remaining);
  });
  try { await Promise.race([got4, timeout]); } finally { clearTimeout(timer); }

  // 4. assertions: keys = primary key, flat values (ExtractNewRecordState), metadata fields
  const [c, u, d, tomb] = events;
  for (const e of events) assert.deepEqual(e.key, { id: 1 }, 'message key is the primary key');

  assert.equal(c.value.__op, 'c');
  assert.equal(c.value.name, 'widget');
  assert.equal(c.value.price, '9.99', 'decimal.handling.mode=string');
  assert.equal(c.value.__deleted, 'false');
  assert.equal(c.value.__table, TABLE);

  assert.equal(u.value.__op, 'u');
  assert.equal(u.value.name, 'widget v2');
  assert.equal(u.value.price, '12.50');

  assert.equal(d.value.__op, 'd');
  assert.equal(d.value.__deleted, 'true', 'delete rewritten with __deleted=true');
  assert.equal(d.value.id, 1);

  assert.equal(tomb.value, null, 'tombstone after the delete (log compaction)');

  for (const e of [c, u, d]) {
    assert.equal(typeof e.value.__lsn, 'number', `__lsn present on ${e.value.__op}`);
    assert.ok(e.value.__lsn > 0);
    assert.equal(typeof e.value.__source_ts_ms, 'number');
  }
  assert.ok(c.value.__lsn < u.value.__lsn && u.value.__lsn < d.value.__lsn, 'LSNs increase');

  // 5. topic created by Connect with the default creation group: compacted
  const cfg = await admin.describeConfigs({ resources: [{ type: 2, name: TOPIC, configNames: ['cleanup.policy'] }], includeSynonyms: false });
  assert.equal(cfg.resources[0].configEntries.find((x) => x.configName === 'cleanup.policy')?.configValue, 'compact');
});
