#!/usr/bin/env node
// Benchmark of GET /api/products/:id (cache hit vs cache miss) against a real gateway, plus the
// raw Redis GET latency measured in the same run, so the gateway overhead over Redis is visible.
//
//   node bench/api-product.mjs [--runs 3] [--duration 10] [--connections 32] [--products 5000]
//
// It never touches the dev database: it creates/migrates/seeds `commerce_bench` (once) and starts
// two gateway processes from api-gateway/dist on their own ports and Redis logical DB:
//   hit  : cache on, requests cycle over 200 pre-warmed ids (every request is a Redis hit)
//   miss : CACHE_PRODUCT_TTL_SECONDS=0 (the flag), random ids over the whole catalog -> PostgreSQL
//   base : the floor, measured in the same run: a minimal Node http server (one process, like the
//          gateway) doing the same Redis round trip (GET product:<id>, as the gateway's cache hit) and answering
//          the same bytes with Content-Type application/json
// Prints every run and the medians (p50/p99 latency in ms, requests/s); the last line is the
// gateway-hit : baseline ratio (throughput; p50 when autocannon's 1 ms resolution resolves it, and the mean
// latency connections / throughput, which holds at any resolution).
//   --skip-miss 1   leaves the cache-miss gateway out (quicker profiling loops)
//   --log-level L   LOG_LEVEL of the hit gateway (default: the env's, info)
//   --profile DIR   starts the hit gateway with --cpu-prof --cpu-prof-dir DIR
import { spawn } from 'node:child_process';
import { args, benchDatabase, env, GW, require, sleep, startGateway, startScriptServer, upperMedian as median } from './lib.mjs';

const autocannon = require('autocannon');
const Redis = require('ioredis');

const RUNS = Number(args.runs ?? 3);
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 32);
const PRODUCTS = Number(args.products ?? 5000);
const BENCH_DB = 'commerce_bench';
const REDIS_DB = 8;
const PORT_HIT = Number(args['port-hit'] ?? 3091);
const PORT_MISS = Number(args['port-miss'] ?? 3092);
const PORT_BASE = Number(args['port-base'] ?? 3093);
const SKIP_MISS = args['skip-miss'] === '1';

/** The baseline: plain node:http + ioredis, the gateway's cache-hit Redis command, same body bytes. */
const BASELINE_SERVER = `
const http = require('node:http');
const Redis = require('ioredis');
const redis = new Redis({ host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT), db: Number(process.env.REDIS_DB) });
http.createServer((req, res) => {
  const m = /^\\/api\\/products\\/(\\d+)$/.exec(req.url);
  if (!m) { res.writeHead(404); return res.end(); }
  redis.get('product:' + m[1]).then((v) => {
    if (!v) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(v) });
    res.end(v);
  }, () => { res.writeHead(500); res.end(); });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

const startBaseline = (port) =>
  startScriptServer('baseline server', BASELINE_SERVER, port, { REDIS_HOST: env.REDIS_HOST, REDIS_PORT: String(env.REDIS_PORT), REDIS_DB: String(REDIS_DB) });

async function prepareDatabase() {
  const db = await benchDatabase(BENCH_DB);
  const have = (await db.query(`SELECT count(*)::int n FROM products WHERE sku LIKE 'BENCH-%'`)).rows[0].n;
  if (have < PRODUCTS) {
    console.log(`seeding ${PRODUCTS - have} bench products into ${BENCH_DB}`);
    await db.query('BEGIN');
    await db.query(`INSERT INTO categories (name, slug) SELECT 'Bench', 'bench' WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'bench' AND parent_id IS NULL)`);
    const root = (await db.query(`SELECT id FROM categories WHERE slug = 'bench' AND parent_id IS NULL`)).rows[0].id;
    await db.query(`INSERT INTO categories (parent_id, name, slug) SELECT $1, 'Bench ' || g, 'bench-' || g FROM generate_series(1, 10) g
                    ON CONFLICT DO NOTHING`, [root]);
    await db.query(`INSERT INTO brands (name, slug) SELECT 'BenchBrand ' || g, 'benchbrand-' || g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING`);
    await db.query(
      `INSERT INTO products (sku, name, slug, description, price, category_id, brand_id, attributes)
       SELECT 'BENCH-' || g, 'Bench product ' || g, 'bench-product-' || g, repeat('Lorem ipsum dolor sit amet. ', 10),
              (g % 500) + 0.99,
              (SELECT id FROM categories WHERE slug = 'bench-' || ((g % 10) + 1)),
              (SELECT id FROM brands WHERE slug = 'benchbrand-' || ((g % 20) + 1)),
              jsonb_build_object('color', (ARRAY['red','blue','green','black'])[(g % 4) + 1], 'size', (ARRAY['S','M','L'])[(g % 3) + 1], 'weight_g', g % 1000)
         FROM generate_series($1::int, $2::int) g ON CONFLICT DO NOTHING`,
      [have + 1, PRODUCTS],
    );
    await db.query(`INSERT INTO inventory (product_id, on_hand) SELECT id, 10 FROM products WHERE sku LIKE 'BENCH-%' ON CONFLICT DO NOTHING`);
    await db.query('COMMIT');
  }
  const ids = (await db.query(`SELECT id FROM products WHERE sku LIKE 'BENCH-%' AND status = 'active' AND deleted_at IS NULL ORDER BY id`)).rows.map((r) => Number(r.id));
  await db.end();
  return ids;
}

/**
 * A gateway on the bench database and Redis DB, ready once /health/ready answers (DB and Redis up).
 * Default log level: request logs (info, JSON) are produced but discarded.
 */
const benchGateway = (port, extraEnv) =>
  startGateway(port, { DB_DATABASE: BENCH_DB, REDIS_DB: String(REDIS_DB), ...extraEnv }, { health: 'ready', attempts: 60 });

/** --profile: the hit gateway under `node --cpu-prof` (not allowed in NODE_OPTIONS); the profile is written on exit. */
async function profiledGateway(port, dir) {
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'dist/main.js'], {
    cwd: GW,
    env: { ...env, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', DB_DATABASE: BENCH_DB, REDIS_DB: String(REDIS_DB) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 60; i++) {
    if (await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false)) {
      return { stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGINT'); }) };
    }
    await sleep(500);
  }
  child.kill('SIGKILL');
  throw new Error('profiled gateway not ready');
}

function cannon(port, pickId) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/products/${pickId()}` }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });
}

async function redisGetP50(redis, key, n = 20000) {
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await redis.get(key);
    lat[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  return median(Array.from(lat));
}

/** Same GET from 32 concurrent callers (one connection, auto-pipelined): Redis under the bench's concurrency. */
async function redisGetP50Concurrent(redis, key, callers = CONNECTIONS, perCaller = 1000) {
  const lat = [];
  await Promise.all(Array.from({ length: callers }, async () => {
    for (let i = 0; i < perCaller; i++) {
      const t = process.hrtime.bigint();
      await redis.get(key);
      lat.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  return median(lat);
}

async function main() {
  const ids = await prepareDatabase();
  const redis = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT), db: REDIS_DB });
  await redis.flushdb();
  const results = [];
  let hitGw;
  let missGw;
  let base;
  try {
    const started = await Promise.allSettled([
      args.profile ? profiledGateway(PORT_HIT, args.profile) : benchGateway(PORT_HIT, args['log-level'] ? { LOG_LEVEL: args['log-level'] } : {}),
      SKIP_MISS ? Promise.resolve(undefined) : benchGateway(PORT_MISS, { CACHE_PRODUCT_TTL_SECONDS: '0', CACHE_LIST_TTL_SECONDS: '0' }),
      startBaseline(PORT_BASE),
    ]);
    [hitGw, missGw, base] = started.map((s) => s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const hot = ids.slice(0, 200);
    for (const id of hot) await fetch(`http://127.0.0.1:${PORT_HIT}/api/products/${id}`); // warm
    const sample = await (await fetch(`http://127.0.0.1:${PORT_HIT}/api/products/${hot[0]}`)).text();
    const baseSample = await (await fetch(`http://127.0.0.1:${PORT_BASE}/api/products/${hot[0]}`)).text();
    if (baseSample !== sample) throw new Error('baseline body differs from the gateway body');
    let k = 0;
    for (let run = 1; run <= RUNS; run++) {
      const baseline = await cannon(PORT_BASE, () => hot[k++ % hot.length]);
      await sleep(1000);
      const hit = await cannon(PORT_HIT, () => hot[k++ % hot.length]);
      const miss = SKIP_MISS ? { latency: {}, requests: {} } : await cannon(PORT_MISS, () => ids[Math.floor(Math.random() * ids.length)]);
      const redisP50 = await redisGetP50(redis, `product:${hot[0]}`);
      const redisP50c = await redisGetP50Concurrent(redis, `product:${hot[0]}`);
      const r = {
        run,
        baseline: { p50: baseline.latency.p50, p99: baseline.latency.p99, rps: Math.round(baseline.requests.average), non2xx: baseline.non2xx, errors: baseline.errors },
        hit: { p50: hit.latency.p50, p99: hit.latency.p99, rps: Math.round(hit.requests.average), non2xx: hit.non2xx, errors: hit.errors },
        miss: { p50: miss.latency.p50, p99: miss.latency.p99, rps: Math.round(miss.requests.average), non2xx: miss.non2xx, errors: miss.errors },
        redisGetP50: Number(redisP50.toFixed(3)),
        redisGetP50AtConcurrency: Number(redisP50c.toFixed(3)),
      };
      r.ratioHitP50ToRedisP50 = r.hit.p50 >= 1 ? Number((r.hit.p50 / r.redisGetP50).toFixed(1)) : null;
      r.hitRpsToBaseline = Number((r.hit.rps / r.baseline.rps).toFixed(2));
      // autocannon's latencies have a 1 ms resolution: below it a p50 reads 0 and their ratio says nothing
      r.hitP50ToBaseline = r.baseline.p50 >= 1 && r.hit.p50 >= 1 ? Number((r.hit.p50 / r.baseline.p50).toFixed(2)) : null;
      // closed loop (Little's law): mean latency = connections / throughput, exact at any resolution
      r.hitMeanLatencyToBaseline = Number((r.baseline.rps / r.hit.rps).toFixed(2));
      results.push(r);
      console.log(JSON.stringify(r));
    }
    const med = (f) => median(results.map(f));
    const summary = {
      runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, catalog: ids.length, payloadBytes: sample.length,
      baseline: { p50: med((r) => r.baseline.p50), p99: med((r) => r.baseline.p99), rps: med((r) => r.baseline.rps) },
      hit: { p50: med((r) => r.hit.p50), p99: med((r) => r.hit.p99), rps: med((r) => r.hit.rps) },
      miss: { p50: med((r) => r.miss.p50), p99: med((r) => r.miss.p99), rps: med((r) => r.miss.rps) },
      redisGetP50: med((r) => r.redisGetP50),
      redisGetP50AtConcurrency: med((r) => r.redisGetP50AtConcurrency),
    };
    summary.ratioHitP50ToRedisP50 = summary.hit.p50 >= 1 ? Number((summary.hit.p50 / summary.redisGetP50).toFixed(1)) : null;
    summary.hitRpsToBaseline = med((r) => r.hitRpsToBaseline);
    const p50Ratios = results.map((r) => r.hitP50ToBaseline).filter((x) => x !== null);
    summary.hitP50ToBaseline = p50Ratios.length === results.length ? median(p50Ratios) : null;
    summary.hitMeanLatencyToBaseline = med((r) => r.hitMeanLatencyToBaseline);
    console.log('MEDIANS ' + JSON.stringify(summary));
    console.log(`RATIO cache hit : baseline (same run, median of ${RUNS}) throughput ${summary.hitRpsToBaseline} (goal >= 0.5), ${
      summary.hitP50ToBaseline === null ? 'p50 below autocannon\'s 1 ms resolution' : `p50 ${summary.hitP50ToBaseline}x`
    }, mean latency ${summary.hitMeanLatencyToBaseline}x (goal <= 2)`);
  } finally {
    await Promise.all([hitGw?.stop(), missGw?.stop(), base?.stop()]);
    await redis.quit();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
