#!/usr/bin/env node
// CDC freshness: a steady stream of UPDATEs (default 200/s for 60 s) on 200 tagged products; a poller
// reads GET /api/products?attr.benchtag=<run> (pageSize 100, 2 pages) every 25 ms and records when
// each committed price becomes visible. Prints p50/p95/p99 of commit -> visible in the API.
//
//   node bench/cdc-freshness.mjs [--rate 200] [--duration 60] [--products 200]
//
// Needs the platform up (postgres, kafka, connect + connector, elasticsearch, redis, indexer) and
// api-gateway/dist; it starts its own gateway (normal Redis cache, invalidated by the indexer).
// Baseline in the same run: ES refresh_interval of the index (the goal is p99 <= refresh + 300 ms).
import { args, ES_URL as ES, median, percentile, pgClient, SEARCH_GATEWAY_ENV, sleep, startGateway } from './lib.mjs';

const RATE = Number(args.rate ?? 200);
const DURATION = Number(args.duration ?? 60);
const N = Number(args.products ?? 200);
const tag = `b${Date.now().toString(36)}`;

const db = await pgClient();
const writer = await pgClient();
const ids = (await db.query(`SELECT id FROM products WHERE status = 'active' AND deleted_at IS NULL ORDER BY id DESC LIMIT $1`, [N])).rows.map((r) => Number(r.id));
await db.query(`UPDATE products SET attributes = attributes || jsonb_build_object('benchtag', $2::text), price = 1000 WHERE id = ANY($1::bigint[])`, [ids, tag]);
const gw = await startGateway(3320, SEARCH_GATEWAY_ENV);
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
while (performance.now() - started < DURATION * 1000) {
  const due = started + seq * interval;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  const id = ids[seq % ids.length];
  seq++;
  const price = 1000 + seq / 100; // strictly increasing: each commit is recognizable
  await writer.query(`UPDATE products SET price = $2 WHERE id = $1`, [id, price.toFixed(2)]);
  const committedAt = performance.now();
  const list = pending.get(id) ?? [];
  list.push({ price: Number(price.toFixed(2)), committedAt });
  pending.set(id, list);
}
const achieved = seq / ((performance.now() - started) / 1000);
stop = true;
stopAt = performance.now();
await poller;
const lost = [...pending.values()].reduce((n, l) => n + l.length, 0);
await db.query(`UPDATE products SET attributes = attributes - 'benchtag' WHERE id = ANY($1::bigint[])`, [ids]);
await gw.stop();
await db.end();
await writer.end();
console.log(`${seq} updates at ${achieved.toFixed(0)}/s for ${DURATION} s on ${ids.length} products; ${latencies.length} observed, ${lost} never seen within 15 s`);
console.log(`commit -> visible in /api/products: p50 ${median(latencies).toFixed(0)} ms  p95 ${percentile(latencies, 95).toFixed(0)} ms  p99 ${percentile(latencies, 99).toFixed(0)} ms  max ${Math.max(...latencies).toFixed(0)} ms`);
console.log(`baseline: index refresh_interval ${refresh}; goal p99 <= refresh_interval + 300 ms; poll period 25 ms (+ up to ~2 API calls) is included`);
