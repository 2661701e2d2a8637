import { readFileSync } from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { readEnvFiles } from '../../src/config/load-config';

/**
 * Order events leave the outbox through Debezium (connectors/outbox-postgres.json), which captures
 * the platform's database. An e2e run has its own database, so the suites that consume order events
 * register the same connector for it (same config; own name, slot, publication and topic prefix) and
 * global-teardown removes it before dropping the database (a database with a replication slot
 * cannot be dropped). Idempotent: suites running in parallel may both call ensureOutboxConnector.
 */
const env = readEnvFiles();
const CONNECT_URL = (process.env.CONNECT_URL ?? `http://127.0.0.1:${env.CONNECT_PORT ?? 8083}`).replace(/\/$/, '');
const FILE = path.resolve(__dirname, '..', '..', '..', 'connectors', 'outbox-postgres.json');

const names = (database: string) => {
  const slot = `outbox_${database.replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
  return { connector: `commerce-outbox-${database}`, slot, prefix: `commerce-outbox-${database}` };
};

async function admin<T>(fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD,
    database: env.DB_DATABASE,
  });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const slotActive = (slot: string) =>
  admin(async (db) => (await db.query(`SELECT active FROM pg_replication_slots WHERE slot_name = $1`, [slot])).rows[0]?.active === true);

/** Registers the outbox connector for `database` and resolves once its replication slot streams. */
export async function ensureOutboxConnector(database: string, timeoutMs = 60_000): Promise<void> {
  const { config } = JSON.parse(readFileSync(FILE, 'utf8')) as { config: Record<string, string> };
  const n = names(database);
  const body = {
    ...config,
    'database.dbname': database,
    'slot.name': n.slot,
    'publication.name': n.slot,
    'topic.prefix': n.prefix,
    'predicates.isOutbox.pattern': `${n.prefix.replace(/[.]/g, '\\.')}\\.public\\.outbox`,
    'heartbeat.interval.ms': '0',
  };
  const res = await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(n.connector)}/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`registering ${n.connector}: HTTP ${res.status} ${await res.text()}`);
  const end = Date.now() + timeoutMs;
  for (;;) {
    const st = (await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(n.connector)}/status`).then(
      (r) => (r.ok ? r.json() : undefined),
      () => undefined,
    )) as { connector: { state: string }; tasks: Array<{ state: string; trace?: string }> } | undefined;
    const failed = st?.tasks.find((t) => t.state === 'FAILED');
    if (failed) throw new Error(`${n.connector} FAILED: ${failed.trace}`);
    if (
      st?.connector.state === 'RUNNING' &&
      st.tasks.length > 0 &&
      st.tasks.every((t) => t.state === 'RUNNING') &&
      (await slotActive(n.slot))
    )
      return;
    if (Date.now() > end) throw new Error(`${n.connector} not streaming after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Deletes the run's outbox connector and its replication slot (no-op when none was registered). */
export async function removeOutboxConnector(database: string): Promise<void> {
  const n = names(database);
  await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(n.connector)}`, { method: 'DELETE' }).catch(() => undefined);
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const dropped = await admin(async (db) => {
      const { rows } = await db.query(`SELECT active FROM pg_replication_slots WHERE slot_name = $1`, [n.slot]);
      if (!rows.length) return true;
      if (rows[0].active) return false;
      await db.query(`SELECT pg_drop_replication_slot($1)`, [n.slot]).catch(() => undefined);
      return false;
    });
    if (dropped) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}
