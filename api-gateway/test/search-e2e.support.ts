import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../src/bootstrap';
import { readEnvFiles, validateEnv } from '../src/config/load-config';
import { createSearchClient, SearchClient } from '../src/search/es/es-client';
import { cdcTopics } from '../src/indexer/cdc-topics';
import { serveStorefront } from '../src/common/http/storefront.static';
import { loadSearchSettings, SearchSettings } from '../src/search/search.settings';
import { freePort } from './support/free-port';
import { initWithClients } from './support/test-app';

/**
 * Search e2e harness: the real gateway on the CDC-captured database (DB_DATABASE, not the
 * gateway's throwaway test DB, because Debezium only watches that one), Redis db 0 (where the
 * indexer invalidates), the real Kafka/Connect/Elasticsearch, and an in-process indexer.
 */
export const env = readEnvFiles();
process.env.SEARCH_BACKEND = 'elasticsearch';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

export interface SearchContext {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  db: Client;
  redis: Redis;
  es: SearchClient;
  settings: SearchSettings;
  close: () => Promise<void>;
}

/** `env`: overrides of this app instance (e.g. ELASTICSEARCH_URL of an unreachable node). */
export async function startSearchApp(opts: { storefront?: boolean; env?: Record<string, string> } = {}): Promise<SearchContext> {
  // SEARCH_EVENTS_ENABLED: the tests' searches stay out of the search analytics (search-events module)
  const cfg = validateEnv({
    ...env,
    APP_ENV: 'development',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: '1000',
    SEARCH_EVENTS_ENABLED: 'false',
    ...opts.env,
  });
  const app = await createApp({ env: cfg });
  if (opts.storefront) serveStorefront(app);
  const { http, db, redis } = await initWithClients(app, cfg, { database: cfg.DB_DATABASE, redisDb: cfg.REDIS_DB });
  const settings = loadSearchSettings();
  const es = createSearchClient(settings.ELASTICSEARCH_URL);
  return {
    app,
    http,
    db,
    redis,
    es,
    settings,
    close: async () => {
      await app.close();
      await db.end();
      await redis.quit();
      await es.close();
    },
  };
}

export interface IndexerProcess {
  port: number;
  output: string[];
  close: () => Promise<void>;
}

export type TopicOffsets = Record<string, Array<{ partition: number; offset: string }>>;

/** Current end offsets of every CDC topic. */
export async function endOffsets(settings: SearchSettings): Promise<TopicOffsets> {
  const admin = new Kafka({ clientId: 'e2e-admin', brokers: settings.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const out: TopicOffsets = {};
    for (const topic of cdcTopics(settings))
      out[topic] = (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: o.high }));
    return out;
  } finally {
    await admin.disconnect();
  }
}

/** Positions a (stopped) consumer group: the next run starts exactly there. */
export async function setGroupOffsets(settings: SearchSettings, groupId: string, offsets: TopicOffsets): Promise<void> {
  const admin = new Kafka({ clientId: 'e2e-admin', brokers: settings.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    for (const [topic, partitions] of Object.entries(offsets)) await admin.setOffsets({ groupId, topic, partitions });
  } finally {
    await admin.disconnect();
  }
}

/** True when the group has committed up to `target` on every partition of every topic. */
export async function groupReached(settings: SearchSettings, groupId: string, target: TopicOffsets): Promise<boolean> {
  const admin = new Kafka({ clientId: 'e2e-admin', brokers: settings.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: Object.keys(target) });
    return committed.every((t) =>
      t.partitions.every((p) => BigInt(p.offset) >= BigInt(target[t.topic].find((x) => x.partition === p.partition)!.offset)),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Starts the real indexer entry (src/indexer.ts) as a child process with its own consumer group
 * (kafkajs loads protocol modules lazily, which does not survive jest's module registry).
 */
export async function startIndexer(
  groupId: string,
  extraEnv: Record<string, string> = {},
  startAt?: TopicOffsets,
): Promise<IndexerProcess> {
  const port = await freePort();
  // a fresh group starts at the current end of the topics (not at 100k products of history)
  await setGroupOffsets(loadSearchSettings(), groupId, startAt ?? (await endOffsets(loadSearchSettings())));
  const root = path.resolve(__dirname, '..');
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/indexer.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TS_NODE_PROJECT: path.join(root, 'tsconfig.json'),
      INDEXER_GROUP_ID: groupId,
      INDEXER_HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await eventually(
    'indexer healthy',
    async () => {
      if (child.exitCode !== null) throw new Error(`indexer exited: ${output.join('').slice(-2000)}`);
      const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      return res?.ok;
    },
    60000,
    250,
  );
  return {
    port,
    output,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/**
 * The search tests run on "the seeded catalog". A fresh platform (make test) has none: then the
 * schema owner's seeder loads a small one (it truncates the catalog tables). 5000 products give
 * the largest root category well over the 1000 results the deep-paging test walks through.
 */
const TEST_CATALOG_PRODUCTS = 5000;
export async function ensureCatalog(db: Client, minimum = 4000): Promise<void> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM products WHERE status = 'active' AND deleted_at IS NULL`);
  if (rows[0].n >= minimum) return;
  const root = path.resolve(__dirname, '..');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/database/seed/run.ts', '--products', String(TEST_CATALOG_PRODUCTS)],
      {
        cwd: root,
        env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeder failed (${code}): ${err.slice(-1000)}`))));
  });
}

let seq = 0;
export const unique = (p: string) => `${p}${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 5000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`not within ${timeoutMs} ms: ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface Fixture {
  tag: string;
  rootId: number;
  rootSlug: string;
  childId: number;
  childSlug: string;
  otherRootId: number;
  otherRootSlug: string;
  brandId: number;
  brandName: string;
}

/** Own categories (root > child, other root) and brand, unique per test run. */
export async function createFixture(db: Client): Promise<Fixture> {
  const tag = unique('t');
  const cat = async (name: string, slug: string, parent: number | null) =>
    Number(
      (await db.query(`INSERT INTO categories (parent_id, name, slug) VALUES ($1, $2, $3) RETURNING id`, [parent, name, slug])).rows[0].id,
    );
  const rootSlug = `${tag}-root`;
  const rootId = await cat(`Root ${tag}`, rootSlug, null);
  const childSlug = `${tag}-child`;
  const childId = await cat(`Child ${tag}`, childSlug, rootId);
  const otherRootSlug = `${tag}-other`;
  const otherRootId = await cat(`Other ${tag}`, otherRootSlug, null);
  const brandName = `Brand ${tag}`;
  const brandId = Number(
    (await db.query(`INSERT INTO brands (name, slug) VALUES ($1, $2) RETURNING id`, [brandName, `brand-${tag}`])).rows[0].id,
  );
  return { tag, rootId, rootSlug, childId, childSlug, otherRootId, otherRootSlug, brandId, brandName };
}

/**
 * Deletes what a fixture left in the shared catalog, in one transaction: the orders of its products or
 * of `userIds` (payments first; items and status history cascade), its products (inventory and images
 * cascade), its categories with any subtree a test added (deepest first: parent_id is ON DELETE
 * RESTRICT), its brand and `userIds`. The platform's indexer removes them from the indices through CDC,
 * so `make test` leaves no test categories, products, orders or accounts in the shop.
 */
export async function removeFixture(db: Client, f: Fixture, userIds: number[] = []): Promise<void> {
  await db.query('BEGIN');
  try {
    const categoryIds = (
      await db.query(
        `SELECT c.id FROM categories c JOIN categories r ON c.path LIKE r.path || '%' WHERE r.id = ANY($1::bigint[]) ORDER BY c.depth DESC`,
        [[f.rootId, f.otherRootId]],
      )
    ).rows.map((r: { id: string }) => r.id);
    const productIds = (
      await db.query(`SELECT id FROM products WHERE attributes->>'e2etag' = $1 OR brand_id = $2 OR category_id = ANY($3::bigint[])`, [
        f.tag,
        f.brandId,
        categoryIds,
      ])
    ).rows.map((r: { id: string }) => r.id);
    const orderIds = (
      await db.query(
        `SELECT order_id AS id FROM order_items WHERE product_id = ANY($1::bigint[]) UNION SELECT id FROM orders WHERE user_id = ANY($2::bigint[])`,
        [productIds, userIds],
      )
    ).rows.map((r: { id: string }) => r.id);
    await db.query(`DELETE FROM payments WHERE order_id = ANY($1::bigint[])`, [orderIds]);
    await db.query(`DELETE FROM orders WHERE id = ANY($1::bigint[])`, [orderIds]);
    await db.query(`DELETE FROM products WHERE id = ANY($1::bigint[])`, [productIds]);
    for (const id of categoryIds) await db.query(`DELETE FROM categories WHERE id = $1`, [id]);
    await db.query(`DELETE FROM brands WHERE id = $1`, [f.brandId]);
    await db.query(`DELETE FROM users WHERE id = ANY($1::bigint[])`, [userIds]);
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}

export async function insertProduct(
  db: Client,
  f: Fixture,
  p: { name: string; price: number; categoryId?: number; stock?: number; attrs?: Record<string, string | number>; status?: string },
): Promise<{ id: number; sku: string }> {
  const sku = unique('SKU-').toUpperCase();
  const { rows } = await db.query(
    `INSERT INTO products (sku, name, slug, description, price, category_id, brand_id, status, attributes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id`,
    [
      sku,
      p.name,
      sku.toLowerCase(),
      `Description of ${p.name}`,
      p.price,
      p.categoryId ?? f.childId,
      f.brandId,
      p.status ?? 'active',
      JSON.stringify({ e2etag: f.tag, ...(p.attrs ?? {}) }),
    ],
  );
  const id = Number(rows[0].id);
  await db.query(`INSERT INTO inventory (product_id, on_hand) VALUES ($1, $2)`, [id, p.stock ?? 10]);
  return { id, sku };
}
