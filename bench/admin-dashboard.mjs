#!/usr/bin/env node
// Server time of the admin dashboard (GET /dashboard: auth, five SQL statements, Blade render) on a
// 100k-product catalog with ~100k orders, against a baseline measured in the same run: GET /health
// of the same admin process (framework boot + one trivial query to PostgreSQL and Redis).
//
//   node bench/admin-dashboard.mjs [--runs 5] [--requests 20] [--products 100000] [--orders 100000]
//
// Own database (commerce_bench_admin: migrated with the gateway's migrations and seeded by the
// gateway's seeder once), Redis DB 9, its own gateway (api-gateway/dist on --gateway-port 3095, for the
// admin's login and JWKS) and the admin served by `php -S` with OPcache on --admin-port 3096 (one
// process, requests in sequence, so the time is the server's alone). It also measures the dashboard with the low-stock
// index (inventory_available_index) dropped, then restores it: the index's effect, same run.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { args, benchDatabase, env, GW, median, ROOT, round, sleep, startGateway } from './lib.mjs';


const RUNS = Number(args.runs ?? 5);
const REQUESTS = Number(args.requests ?? 20);
const PRODUCTS = Number(args.products ?? 100_000);
const ORDERS = Number(args.orders ?? 100_000);
const GATEWAY_PORT = Number(args['gateway-port'] ?? 3095);
const ADMIN_PORT = Number(args['admin-port'] ?? 3096);
const BENCH_DB = 'commerce_bench_admin';
const REDIS_DB = '9'; // own logical Redis DB for both processes: login throttles, denylists, caches
const ADMIN = path.join(ROOT, 'admin-service');

async function prepareDatabase() {
  const db = await benchDatabase(BENCH_DB);
  const n = async (sql) => Number((await db.query(sql)).rows[0].n);
  if ((await n('SELECT count(*) n FROM products')) < PRODUCTS || (await n('SELECT count(*) n FROM orders')) < ORDERS * 0.95) {
    console.log(`seeding ${BENCH_DB}: ${PRODUCTS} products, ~${ORDERS} orders (once)`);
    const seed = spawnSync(process.execPath, ['dist/database/seed/run.js', '--products', String(PRODUCTS), '--orders', String(ORDERS)],
      { cwd: GW, env: { ...env, DB_DATABASE: BENCH_DB }, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
    if (seed.status !== 0) throw new Error('seeding failed');
  }
  return db;
}

async function startAdmin(gatewayUrl) {
  // OPcache on, as in php-fpm (the CLI server has it off by default)
  const child = spawn('php', ['-d', 'opcache.enable_cli=1', '-S', `127.0.0.1:${ADMIN_PORT}`, '-t', 'public', 'public/index.php'], {
    cwd: ADMIN,
    env: { ...env, DB_DATABASE: BENCH_DB, REDIS_DB, GATEWAY_URL: gatewayUrl, APP_DEBUG: 'false', LOG_LEVEL: 'warning' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const url = `http://127.0.0.1:${ADMIN_PORT}`;
  for (let i = 0; i < 60; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { url, stop: () => child.kill('SIGTERM') };
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`php -S on ${ADMIN_PORT} not ready`);
}

/** Milliseconds of each of `count` sequential GETs (the body is read to the end). */
async function timeGets(url, headers, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  return times;
}

const db = await prepareDatabase();
const { rows: [counts] } = await db.query('SELECT (SELECT count(*) FROM products) p, (SELECT count(*) FROM orders) o, (SELECT count(*) FROM order_items) i');
const gateway = await startGateway(GATEWAY_PORT, { DB_DATABASE: BENCH_DB, REDIS_DB, LOG_LEVEL: 'warn' });
const admin = await startAdmin(gateway.url);
try {
  const login = await fetch(`${gateway.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  }).then((r) => r.json());
  if (!login.accessToken) throw new Error(`admin login failed: ${JSON.stringify(login)}`);
  const auth = { Authorization: `Bearer ${login.accessToken}` };
  const dashboard = () => timeGets(`${admin.url}/dashboard`, auth, REQUESTS);
  const health = () => timeGets(`${admin.url}/health`, {}, REQUESTS);
  console.log(`catalog: ${counts.p} products, ${counts.o} orders, ${counts.i} order items; ${RUNS} runs x ${REQUESTS} sequential requests`);
  await dashboard(); // warm-up: JWKS fetch, OPcache, PostgreSQL buffers
  const load = () => os.loadavg()[0].toFixed(1);
  console.log(`load average before: ${load()} (${os.cpus().length} cores)`);

  const runs = [];
  for (let r = 1; r <= RUNS; r++) {
    const ds = await dashboard();
    const hs = await health();
    runs.push({ d: median(ds), h: median(hs), dMin: Math.min(...ds), hMin: Math.min(...hs) });
    console.log(`run ${r}: dashboard ${round(median(ds))} ms (fastest ${round(Math.min(...ds))}), health ${round(median(hs))} ms (fastest ${round(Math.min(...hs))}), medians of ${REQUESTS}`);
  }
  console.log(`load average after: ${load()}`);

  await db.query('DROP INDEX IF EXISTS inventory_available_index');
  const unindexed = [];
  try {
    await dashboard();
    for (let r = 1; r <= RUNS; r++) unindexed.push(median(await dashboard()));
    console.log(`without inventory_available_index: ${unindexed.map((x) => `${round(x)} ms`).join(', ')}`);
  } finally {
    await db.query('CREATE INDEX IF NOT EXISTS inventory_available_index ON inventory ((on_hand - reserved), product_id)');
  }

  const d = median(runs.map((x) => x.d));
  const h = median(runs.map((x) => x.h));
  console.log('');
  console.log(`dashboard server time: median ${round(d)} ms (baseline GET /health ${round(h)} ms, ratio ${round(d / h, 1)}x, dashboard work ~${round(d - h)} ms)`);
  console.log(`fastest requests: dashboard ${round(Math.min(...runs.map((x) => x.dMin)))} ms, health ${round(Math.min(...runs.map((x) => x.hMin)))} ms`);
  const u = median(unindexed);
  console.log(`without inventory_available_index: median ${round(u)} ms (${round(u / d, 2)}x the indexed time)`);
} finally {
  admin.stop();
  await gateway.stop();
  await db.end();
}
