#!/usr/bin/env node
// CDC freshness: a steady stream of UPDATEs (default 200/s for 60 s) on 200 products of its own; a poller
// reads GET /api/products?attr.benchtag=<run> (pageSize 100, 2 pages) every 25 ms and records when
// each committed price becomes visible. Prints p50/p95/p99 of commit -> visible in the API.
//
//   node bench/cdc-freshness.mjs [--rate 200] [--duration 60] [--products 200] [--writers 8] [--stages 1]
//
// --stages 1 also splits the latency by hop, from timestamps of each update: PostgreSQL commit
// (`__source_ts_ms`) -> Kafka record timestamp (Debezium + Connect's producer) -> received by a
// consumer of its own (Kafka -> a consumer like the indexer) -> visible in the API (the indexer's
// batch: re-read, _bulk, refresh, Redis invalidation, + the API poll), and prints the indexer's
// per-phase means over the run from its /metrics (INDEXER_METRICS_URL, default :3001).
//
// The updates are offered on `writers` connections (one sequential connection tops out near 550
// commits/s on a quiet machine, 4 connections reached only 470-750/s at load average 8-14); each
// product always goes through the same connection, so its prices still commit in increasing order.
//
// The user's catalog is never touched: the benchmark inserts its own products (sku bench-fresh-<run>-N,
// own brand and category, with stock), only updates those, and deletes them all at the end, on
// Ctrl-C too; a run that was killed is cleaned up by the next one. (It cannot use its own database:
// Debezium captures the platform database only.)
//
// Needs the platform up (postgres, kafka, connect + connector, elasticsearch, redis, indexer) and
// api-gateway/dist; it starts its own gateway (normal Redis cache, invalidated by the indexer).
// Baseline in the same run: ES refresh_interval of the index (the goal is p99 <= refresh + 300 ms).
import { args, env, ES_URL as ES, median, percentile, pgClient, require, SEARCH_GATEWAY_ENV, sleep, startGateway } from './lib.mjs';

const RATE = Number(args.rate ?? 200);
const DURATION = Number(args.duration ?? 60);
const N = Number(args.products ?? 200);
const WRITERS = Number(args.writers ?? 8);
const STAGES = args.stages === '1' || args.stages === 'true';
const INDEXER_METRICS = env.INDEXER_METRICS_URL ?? `http://127.0.0.1:${env.INDEXER_HTTP_PORT ?? 3001}/metrics`;
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
  const stages = STAGES ? await stageProbe() : undefined;
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
        for (const p of list) {
          if (price < p.price) rest.push(p);
          else {
            latencies.push(now - p.committedAt);
            stages?.visible(id, p.price);
          }
        }
        if (rest.length) pending.set(id, rest);
        else pending.delete(id);
      }
      if (stop && performance.now() - stopAt > 15000) break;
      await sleep(25);
    }
  })();

  const metricsBefore = STAGES ? await indexerPhases() : undefined;
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
  if (stages) {
    stages.report();
    const after = await indexerPhases();
    const line = Object.keys(after).filter((k) => after[k].count > (metricsBefore[k]?.count ?? 0)).map((k) => {
      const n = after[k].count - (metricsBefore[k]?.count ?? 0);
      return `${k} ${((after[k].sum - (metricsBefore[k]?.sum ?? 0)) / n * 1000).toFixed(0)} ms (n=${n})`;
    });
    console.log(`indexer means over the run: ${line.join(', ')}`);
    await stages.stop();
  }
}

/** Sums and counts of the indexer's batch / phase / freshness histograms (Prometheus text). */
async function indexerPhases() {
  const text = await fetch(INDEXER_METRICS).then((r) => r.text(), () => '');
  const out = {};
  for (const m of text.matchAll(/^indexer_(batch_duration|phase_duration|freshness)_seconds_(sum|count)(?:\{phase="(\w+)"\})? ([\d.e+-]+)$/gm)) {
    const key = m[3] ?? m[1];
    out[key] ??= { sum: 0, count: 0 };
    out[key][m[2]] = Number(m[4]);
  }
  return out;
}

/**
 * A Kafka consumer of its own (latest offsets) on the products topic: per benchmark update, the
 * commit time in PostgreSQL, the Kafka record time and the time it was received; visible(id, price)
 * adds the time it showed in the API. report() prints p50/p99 per hop.
 */
async function stageProbe() {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({ clientId: `bench-fresh-${tag}`, brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-fresh-${tag}`, maxWaitTimeInMs: 50 });
  const seen = new Map(); // `${id}:${price}` -> { source, kafka, received, visible }
  const idSet = new Set(ids);
  await consumer.connect();
  await consumer.subscribe({ topics: [`${env.CDC_TOPIC_PREFIX ?? 'commerce'}.public.products`], fromBeginning: false });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      const v = JSON.parse(message.value.toString());
      if (!idSet.has(Number(v.id)) || v.__op !== 'u') return;
      seen.set(`${Number(v.id)}:${Number(v.price).toFixed(2)}`, { source: v.__source_ts_ms, kafka: Number(message.timestamp), received: Date.now() });
    },
  });
  await joined;
  await sleep(500); // the group's first fetch position is set
  const pct = (xs) => `p50 ${median(xs).toFixed(0)} / p99 ${percentile(xs, 99).toFixed(0)} ms`;
  return {
    visible(id, price) {
      const s = seen.get(`${id}:${price.toFixed(2)}`);
      if (s && s.visible === undefined) s.visible = Date.now();
    },
    report() {
      const all = [...seen.values()].filter((s) => s.visible !== undefined);
      console.log(`stages of ${all.length} updates (PostgreSQL commit -> ... -> visible):`);
      console.log(`  commit -> Kafka record (WAL, Debezium, Connect producer): ${pct(all.map((s) => s.kafka - s.source))}`);
      console.log(`  Kafka record -> received by a consumer:                   ${pct(all.map((s) => s.received - s.kafka))}`);
      console.log(`  received -> visible in the API (indexer batch + poll):    ${pct(all.map((s) => s.visible - s.received))}`);
      console.log(`  commit -> visible:                                        ${pct(all.map((s) => s.visible - s.source))}`);
    },
    async stop() {
      await consumer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteGroups([`bench-fresh-${tag}`]).catch(() => undefined); // leave no group behind
      await admin.disconnect();
    },
  };
}
try {
  await measure();
} finally {
  await cleanUp();
  await db.end();
  await Promise.all(writers.map((w) => w.end()));
}
