#!/usr/bin/env node
// CDC freshness: a steady stream of UPDATEs (default 200/s for 60 s) on 200 products of its own; a poller
// reads GET /api/products?attr.benchtag=<run> (pageSize 100, 2 pages) every 25 ms and records when
// each committed price becomes visible. Prints p50/p95/p99 of commit -> visible in the API.
//
//   node bench/cdc-freshness.mjs [--rate 200] [--duration 60] [--products 200] [--writers 4]
//
// The updates are offered on `writers` connections (one sequential connection tops out near 550
// commits/s here); each product always goes through the same connection, so its prices still
// commit in increasing order.
//
// The user's catalog is never touched: the benchmark inserts its own products (sku bench-fresh-<run>-N,
// own brand and category, with stock), only updates those, and deletes them all at the end, on
// Ctrl-C too; a run that was killed is cleaned up by the next one. (It cannot use its own database:
// Debezium captures the platform database only.)
//
// Needs the platform up (postgres, kafka, connect + connector, elasticsearch, redis, indexer) and
// api-gateway/dist; it starts its own gateway (normal Redis cache, invalidated by the indexer).
// Baseline in the same run: ES refresh_interval of the index (the goal is p99 <= refresh + 300 ms).
import { args, ES_URL as ES, median, percentile, pgClient, SEARCH_GATEWAY_ENV, sleep, startGateway } from './lib.mjs';

const RATE = Number(args.rate ?? 200);
const DURATION = Number(args.duration ?? 60);
const N = Number(args.products ?? 200);
const WRITERS = Number(args.writers ?? 4);
if (N % WRITERS) throw new Error(`--products (${N}) must be a multiple of --writers (${WRITERS})`);
const tag = `b${Date.now().toString(36)}`;

const db = await pgClient();
const writers = await Promise.all(Array.from({ length: WRITERS }, () => pgClient()));

/** Deletes the benchmark's own rows (this run's, or every run's with '%'): products, then their brand/category. */
async function removeOwnRows(run) {
  const like = `bench-fresh-${run}`;
  await db.query(`DELETE FROM products WHERE sku LIKE $1 || '-%'`, [like]);
  await db.query(`DELETE FROM brands WHERE slug LIKE $1`, [like]);
  await db.query(`DELETE FROM categories WHERE slug LIKE $1`, [like]);
}
await removeOwnRows('%'); // left over by a killed run
const brandId = (await db.query(`INSERT INTO brands (name, slug) VALUES ($1, $1) RETURNING id`, [`bench-fresh-${tag}`])).rows[0].id;
const categoryId = (await db.query(`INSERT INTO categories (name, slug) VALUES ($1, $1) RETURNING id`, [`bench-fresh-${tag}`])).rows[0].id;
const ids = (await db.query(
  `INSERT INTO products (sku, name, slug, price, category_id, brand_id, attributes)
   SELECT 'bench-fresh-' || $1 || '-' || g, 'Freshness probe ' || g, 'bench-fresh-' || $1 || '-' || g, 1000, $2, $3, jsonb_build_object('benchtag', $1::text)
   FROM generate_series(1, $4) g RETURNING id`, [tag, categoryId, brandId, N])).rows.map((r) => Number(r.id));
await db.query(`INSERT INTO inventory (product_id, on_hand) SELECT unnest($1::bigint[]), 100`, [ids]);
let cleaned = false;
let gw;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await removeOwnRows(tag); // first: a poll failing once the gateway is gone may end the process
  await gw?.stop().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanUp().finally(() => process.exit(130)));
// everything after the setup runs inside try/finally: the own rows go away even when the run fails
async function measure() {
  gw = await startGateway(3320, SEARCH_GATEWAY_ENV);
  const settings = await fetch(`${ES}/products/_settings`).then((r) => r.json());
  const refresh = Object.values(settings)[0].settings.index.refresh_interval ?? '1s';

  async function listed() {
    const out = new Map();
    for (const page of [1, 2]) {
      const body = await fetch(`${gw.url}/api/products?attr.benchtag=${tag}&pageSize=100&page=${page}&sort=price_asc`).then((r) => r.json());
      for (const it of body.items ?? []) out.set(it.id, it.price);
    }
    return out;
  }
  for (let i = 0; i < 200 && (await listed()).size < ids.length; i++) await sleep(250);

  const pending = new Map(); // id -> [{price, committedAt}]
  const latencies = [];
  let stop = false;
  const poller = (async () => {
    while (!stop || pending.size) {
      const seen = await listed();
      const now = performance.now();
      for (const [id, price] of seen) {
        const list = pending.get(id);
        if (!list) continue;
        // a price at or beyond a pending one means that commit (or a later one) is visible
        const rest = [];
        for (const p of list) (price >= p.price ? latencies.push(now - p.committedAt) : rest.push(p));
        if (rest.length) pending.set(id, rest);
        else pending.delete(id);
      }
      if (stop && performance.now() - stopAt > 15000) break;
      await sleep(25);
    }
  })();

  let stopAt = 0;
  let seq = 0;
  const started = performance.now();
  const interval = 1000 / RATE;
  /** Writer w sends the updates with seq % WRITERS === w, each at its due time (ids[seq % N] stays on one writer). */
  async function write(w) {
    for (let mine = w; ; mine += WRITERS) {
      const due = started + mine * interval;
      if (due - started >= DURATION * 1000) return;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const id = ids[mine % ids.length];
      const price = Number((1000 + (mine + 1) / 100).toFixed(2)); // strictly increasing: each commit is recognizable
      await writers[w].query(`UPDATE products SET price = $2 WHERE id = $1`, [id, price.toFixed(2)]);
      const committedAt = performance.now();
      const list = pending.get(id) ?? [];
      list.push({ price, committedAt });
      pending.set(id, list);
      seq++;
    }
  }
  await Promise.all(writers.map((_, w) => write(w)));
  const achieved = seq / ((performance.now() - started) / 1000);
  stop = true;
  stopAt = performance.now();
  await poller;
  const lost = [...pending.values()].reduce((n, l) => n + l.length, 0);
  console.log(`${seq} updates offered at ${RATE}/s, achieved ${achieved.toFixed(0)}/s (${WRITERS} writer connections) for ${DURATION} s on ${ids.length} products; ${latencies.length} observed, ${lost} never seen within 15 s`);
  console.log(`commit -> visible in /api/products: p50 ${median(latencies).toFixed(0)} ms  p95 ${percentile(latencies, 95).toFixed(0)} ms  p99 ${percentile(latencies, 99).toFixed(0)} ms  max ${Math.max(...latencies).toFixed(0)} ms`);
  console.log(`baseline: index refresh_interval ${refresh}; goal p99 <= refresh_interval + 300 ms; poll period 25 ms (+ up to ~2 API calls) is included`);
}
try {
  await measure();
} finally {
  await cleanUp();
  await db.end();
  await Promise.all(writers.map((w) => w.end()));
}
