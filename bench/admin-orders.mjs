#!/usr/bin/env node
// Server time of the admin's order list (each filter, page 1 with its total count), and of the
// daily/weekly/monthly sales reports over a year, on ~100k orders; baseline GET /health of the same
// admin process measured in the same run. Also the sku and total filters with their indexes
// (order_items_sku_index, orders_total_index) dropped, then restored: the indexes' effect, same run.
//
//   node bench/admin-orders.mjs [--runs 5] [--requests 10] [--products 100000] [--orders 100000]
//
// Own database (commerce_bench_orders: migrated and seeded by the gateway's seeder once), Redis DB 10,
// its own gateway (api-gateway/dist on --gateway-port 3097: login, JWKS, the order state machine) and
// the admin under `php -S` on --admin-port 3098.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { startAdminServer, timeGets } from './admin-server.mjs';
import { args, benchDatabase, env, GW, median, round, startGateway } from './lib.mjs';

const RUNS = Number(args.runs ?? 5);
const REQUESTS = Number(args.requests ?? 10);
const PRODUCTS = Number(args.products ?? 100_000);
const ORDERS = Number(args.orders ?? 100_000);
const GATEWAY_PORT = Number(args['gateway-port'] ?? 3097);
const ADMIN_PORT = Number(args['admin-port'] ?? 3098);
const BENCH_DB = 'commerce_bench_orders';
const REDIS_DB = '10';

const db = await benchDatabase(BENCH_DB);
const n = async (sql) => Number((await db.query(sql)).rows[0].n);
if ((await n('SELECT count(*) n FROM orders')) < ORDERS * 0.95) {
  console.log(`seeding ${BENCH_DB}: ${PRODUCTS} products, ~${ORDERS} orders (once)`);
  const seed = spawnSync(process.execPath, ['dist/database/seed/run.js', '--products', String(PRODUCTS), '--orders', String(ORDERS)],
    { cwd: GW, env: { ...env, DB_DATABASE: BENCH_DB }, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (seed.status !== 0) throw new Error('seeding failed');
}
await db.query('ANALYZE orders; ANALYZE order_items; ANALYZE users');
const { rows: [facts] } = await db.query(`SELECT
  (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS items,
  (SELECT u.email FROM orders o JOIN users u ON u.id = o.user_id GROUP BY u.email ORDER BY count(*) DESC LIMIT 1) AS email,
  (SELECT sku FROM order_items GROUP BY sku ORDER BY count(*) DESC LIMIT 1) AS sku,
  (SELECT to_char(max(created_at) AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') FROM orders) AS last_day`);
const last = new Date(`${facts.last_day}T00:00:00Z`);
const day = (d) => d.toISOString().slice(0, 10);
const monthAgo = day(new Date(last.getTime() - 29 * 86400_000));
const yearAgo = day(new Date(last.getTime() - 364 * 86400_000));

const gateway = await startGateway(GATEWAY_PORT, { DB_DATABASE: BENCH_DB, REDIS_DB, LOG_LEVEL: 'warn' });
const admin = await startAdminServer(ADMIN_PORT, { DB_DATABASE: BENCH_DB, REDIS_DB, GATEWAY_URL: gateway.url });
try {
  const login = await fetch(`${gateway.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  }).then((r) => r.json());
  if (!login.accessToken) throw new Error(`admin login failed: ${JSON.stringify(login)}`);
  const auth = { Authorization: `Bearer ${login.accessToken}` };
  const q = (path, params) => `${admin.url}${path}?${new URLSearchParams(params)}`;
  const cases = {
    'list: no filter': q('/orders', {}),
    'list: status=delivered': q('/orders', { status: 'delivered' }),
    'list: last 30 days': q('/orders', { from: monthAgo, to: facts.last_day }),
    'list: customer email': q('/orders', { email: facts.email }),
    'list: total 100..120': q('/orders', { total_min: '100', total_max: '120' }),
    'list: sku': q('/orders', { sku: facts.sku }),
    'list: all filters': q('/orders', { status: 'delivered', from: yearAgo, to: facts.last_day, total_min: '20', total_max: '2000', sku: facts.sku }),
    'list: page 200': q('/orders', { page: '200' }),
    'report: daily, 1 year': q('/reports', { period: 'day', from: yearAgo, to: facts.last_day }),
    'report: weekly, 1 year': q('/reports', { period: 'week', from: yearAgo, to: facts.last_day }),
    'report: monthly, 1 year': q('/reports', { period: 'month', from: yearAgo, to: facts.last_day }),
    'report: daily, 30 days': q('/reports', { period: 'day', from: monthAgo, to: facts.last_day }),
    'CSV: daily, 1 year': q('/reports/export.csv', { period: 'day', from: yearAgo, to: facts.last_day }),
    'PDF: monthly, 1 year': q('/reports/export.pdf', { period: 'month', from: yearAgo, to: facts.last_day }),
  };
  console.log(`${facts.orders} orders, ${facts.items} order items; ${RUNS} runs x ${REQUESTS} sequential requests per case; load ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores)`);
  for (const url of Object.values(cases)) await timeGets(url, auth, 1); // warm-up: JWKS, state machine, OPcache, buffers

  const perRun = Object.fromEntries([...Object.keys(cases), 'baseline: GET /health'].map((k) => [k, []]));
  for (let r = 1; r <= RUNS; r++) {
    for (const [name, url] of Object.entries(cases)) perRun[name].push(median(await timeGets(url, auth, REQUESTS)));
    perRun['baseline: GET /health'].push(median(await timeGets(`${admin.url}/health`, {}, REQUESTS)));
  }
  const base = median(perRun['baseline: GET /health']);
  console.log('');
  for (const [name, xs] of Object.entries(perRun)) {
    const m = median(xs);
    console.log(`${name.padEnd(28)} median ${String(round(m)).padStart(6)} ms  (${round(m / base, 1)}x baseline; runs ${xs.map((x) => round(x)).join(', ')})`);
  }

  await db.query('DROP INDEX IF EXISTS order_items_sku_index; DROP INDEX IF EXISTS orders_total_index');
  try {
    for (const name of ['list: sku', 'list: total 100..120']) {
      await timeGets(cases[name], auth, 1);
      const xs = [];
      for (let r = 0; r < RUNS; r++) xs.push(median(await timeGets(cases[name], auth, REQUESTS)));
      console.log(`${`${name} (no index)`.padEnd(28)} median ${String(round(median(xs))).padStart(6)} ms  (${round(median(xs) / median(perRun[name]), 1)}x the indexed time)`);
    }
  } finally {
    await db.query('CREATE INDEX IF NOT EXISTS order_items_sku_index ON order_items (sku); CREATE INDEX IF NOT EXISTS orders_total_index ON orders (total)');
  }
} finally {
  admin.stop();
  await gateway.stop();
  await db.end();
}
