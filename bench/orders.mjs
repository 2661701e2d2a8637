#!/usr/bin/env node
// Benchmark of POST /api/orders: 64 concurrent buyers on 10 hot SKUs (1-3 lines per order,
// tok_success) for 30 s against a real gateway, then pgbench running the same SQL of an order
// (reserve statement + settle statement, read from the built gateway's OrderRepository: pgbenchScript
// below) on the same machine, in the same run. Reports orders/s, p50/p99 latency, 409s, oversell
// (must be 0) and the ratio gateway orders/s : pgbench tps. Several runs, medians printed last.
// pgbench runs twice per run: with the gateway's DB pool size as its client count (the gateway never
// has more transactions in flight) and with --buyers clients; the baseline is the faster of the two,
// so a lock convoy of 64 connections on 10 hot rows can't flatter the ratio.
// A third phase measures the node floor: plain node:http + pg running pgbench's transaction per
// request, under the same load generator (what any Node front-end pays for HTTP and the driver here).
//
//   node bench/orders.mjs [--runs 3] [--duration 30] [--buyers 64] [--skus 10] [--pool 10]
//
// Own database (commerce_bench_orders, migrated here) and Redis DB 7; the gateway runs from
// api-gateway/dist on --port (3093) with LOG_LEVEL=warn and the default DB pool; the floor on --port + 1.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { args, benchDatabase, env, GW, percentileAtIndex as pct, require, round, sleep, startGateway, startScriptServer, upperMedian as median } from './lib.mjs';

const RUNS = Number(args.runs ?? 3);
const DURATION = Number(args.duration ?? 30);
const BUYERS = Number(args.buyers ?? 64);
const SKUS = Number(args.skus ?? 10);
const PORT = Number(args.port ?? 3093);
const POOL = Number(args.pool ?? env.DB_POOL_SIZE ?? 10);
const BENCH_DB = 'commerce_bench_orders';
const REDIS_DB = 7;
const STOCK = 1_000_000;
const PGBENCH = fs.existsSync('/usr/lib/postgresql/15/bin/pgbench') ? '/usr/lib/postgresql/15/bin/pgbench' : 'pgbench';

async function prepareDatabase() {
  const db = await benchDatabase(BENCH_DB);
  await db.query(`INSERT INTO categories (name, slug) SELECT 'Bench orders', 'bench-orders' WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'bench-orders' AND parent_id IS NULL)`);
  await db.query(`INSERT INTO brands (name, slug) VALUES ('Bench orders', 'bench-orders') ON CONFLICT DO NOTHING`);
  await db.query(
    `INSERT INTO products (sku, name, slug, price, category_id, brand_id)
     SELECT 'HOT-' || g, 'Hot product ' || g, 'hot-product-' || g, 10 + g + 0.99,
            (SELECT id FROM categories WHERE slug = 'bench-orders' AND parent_id IS NULL), (SELECT id FROM brands WHERE slug = 'bench-orders')
     FROM generate_series(1, $1::int) g ON CONFLICT DO NOTHING`,
    [SKUS],
  );
  const ids = (await db.query(`SELECT id FROM products WHERE sku LIKE 'HOT-%' ORDER BY id LIMIT $1`, [SKUS])).rows.map((r) => Number(r.id));
  await db.query(`INSERT INTO inventory (product_id, on_hand) SELECT unnest($1::bigint[]), 0 ON CONFLICT DO NOTHING`, [ids]);
  await db.query(
    `INSERT INTO users (email, name, password_hash, role) VALUES ('pgbench@bench.local', 'pgbench', 'x', 'customer') ON CONFLICT DO NOTHING`,
  ).catch(() => undefined);
  const pgUser = (await db.query(`SELECT id FROM users WHERE lower(email) = 'pgbench@bench.local'`)).rows[0].id;
  return { db, ids, pgUser: Number(pgUser) };
}

/** Stock snapshot; reset to STOCK before every phase. */
async function resetStock(db, ids) {
  await db.query(`UPDATE inventory SET on_hand = $2, reserved = 0 WHERE product_id = ANY($1::bigint[])`, [ids, STOCK]);
}

/** on_hand must equal STOCK minus what paid orders of the phase consumed, never negative; reserved 0. */
async function oversell(db, ids, sinceOrderId) {
  const { rows } = await db.query(
    `SELECT i.product_id, i.on_hand, i.reserved,
            coalesce((SELECT sum(oi.quantity) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                      WHERE oi.product_id = i.product_id AND o.id > $2 AND o.status = 'paid'), 0)::int AS sold
     FROM inventory i WHERE i.product_id = ANY($1::bigint[])`,
    [ids, sinceOrderId],
  );
  let over = 0;
  for (const r of rows) {
    if (r.on_hand < 0) over += -r.on_hand;
    if (r.on_hand !== STOCK - r.sold) over += Math.abs(STOCK - r.sold - r.on_hand);
    if (r.reserved !== 0) over += r.reserved;
  }
  return over;
}

const maxOrderId = async (db) => Number((await db.query(`SELECT coalesce(max(id), 0) AS m FROM orders`)).rows[0].m);

/** The gateway on the bench database and Redis DB, ready once /health/ready answers. */
const benchGateway = () =>
  startGateway(PORT, {
    DB_DATABASE: BENCH_DB, REDIS_DB: String(REDIS_DB), LOG_LEVEL: 'warn', AUTH_RATE_LIMIT: '1000000', BCRYPT_COST: '4',
  }, { health: 'ready' });

async function buyerTokens() {
  const run = randomUUID().slice(0, 8);
  return Promise.all(Array.from({ length: BUYERS }, async (_, i) => {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `buyer-${run}-${i}@bench.local`, password: `Bench-${run}-Passw0rd!`, name: `Buyer ${i}` }),
    });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
    return (await res.json()).accessToken;
  }));
}

const address = { name: 'Bench Buyer', line1: '1 Load St', city: 'Berlin', postalCode: '10115', country: 'DE' };

/** An API order: 1-3 lines on random hot SKUs, tok_success, a fresh Idempotency-Key. */
const apiOrder = (ids) => (token) => {
  const lines = new Map();
  const n = 1 + Math.floor(Math.random() * 3);
  while (lines.size < n) lines.set(ids[Math.floor(Math.random() * ids.length)], 1 + Math.floor(Math.random() * 2));
  const body = JSON.stringify({ items: [...lines].map(([productId, quantity]) => ({ productId, quantity })), shippingAddress: address, payment: { method: 'card', token: 'tok_success' } });
  return [`http://127.0.0.1:${PORT}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() }, body }];
};

// node:http with keep-alive: about a fifth of fetch's client CPU per request (measured 70-85 us
// against 350-390 us), CPU the machine's two cores share with the servers under test
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
function send(url, { method, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** One client per entry of `clients` (closed loop) for DURATION seconds; `request(client)` -> [url, { method, headers, body }]. */
async function loadPhase(clients, request) {
  const latencies = [];
  const status = {};
  const deadline = Date.now() + DURATION * 1000;
  const started = Date.now();
  await Promise.all(clients.map(async (client) => {
    while (Date.now() < deadline) {
      const t = process.hrtime.bigint();
      const code = await send(...request(client));
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      status[code] = (status[code] ?? 0) + 1;
    }
  }));
  const seconds = (Date.now() - started) / 1000;
  return { ordersPerSecond: round((status[201] ?? 0) / seconds), p50: round(pct(latencies, 50), 2), p99: round(pct(latencies, 99), 2), status };
}

// The SQL of one order as the gateway runs it (-D minid=<first hot product id> -D skus=<n> -D uid=<user>),
// taken from the built gateway itself (OrderRepository in api-gateway/dist, called with a recording
// manager), so pgbench can never run other SQL than the API: statement 1 = lock the inventory rows in
// product order + check + pending order + line + order.created + reservation (one autocommit
// statement); statement 2 = lock the order, payment, paid, status history, order.paid +
// order.status_changed, consume the stock, the order's view (one autocommit statement). One line of
// quantity 1 on a random hot SKU; the parameters become pgbench variables and literals. No HTTP, JSON,
// auth, idempotency read, catalog read or validation: the floor for the API.
async function pgbenchScript() {
  require('reflect-metadata');
  const { OrderRepository } = require(path.join(GW, 'dist/orders/order.repository.js'));
  const repo = new OrderRepository();
  const recorded = [];
  // (a prepared statement arrives as its {name, text} config: common/postgres/prepared-query.ts)
  const manager = (row) => ({ query: async (q, params) => { recorded.push({ text: typeof q === 'string' ? q : q.text, params }); return [row]; } });
  const line = { productId: '1', sku: 'HOT', name: 'Hot', unitPrice: '11.99', quantity: 1, lineTotal: '11.99' };
  await repo.reservePending(manager({ fits: true, id: '1', number: 'x', reserved: 1, locked: [] }), {
    userId: 1, priced: { currency: 'USD', subtotal: '11.99', total: '11.99', lines: [line] }, shippingAddress: {},
    idempotencyKey: 'k', requestHash: 'h', reservationSeconds: 900, createdEvent: {},
  });
  await repo.settlePaid(manager({ headStatus: 'pending', headNumber: 'x', consumed: 1 }), {
    orderId: '1', provider: 'pgbench', providerRef: 'x', paidEvent: {}, statusEvent: {},
  });
  if (recorded.length !== 2 || recorded[0].params.length !== 17 || recorded[1].params.length !== 5) {
    throw new Error('OrderRepository.reservePending/settlePaid changed their parameters: update the pgbench mapping in bench/orders.mjs');
  }
  // $n -> pgbench expression, by position (reservePending: ids, quantities, user, currency, subtotal, total,
  // address, key, hash, ttl, line ids, skus, names, unit prices, quantities, line totals, event; settlePaid:
  // order, provider, ref, order.paid, order.status_changed)
  const reserveArgs = ['ARRAY[:pid]', 'ARRAY[1]', ':uid', "'USD'", '11.99', '11.99', `'{"name":"pgbench"}'`, 'md5(random()::text)',
    'md5(random()::text)', '900', 'ARRAY[:pid]', "ARRAY['HOT']", "ARRAY['Hot']", 'ARRAY[11.99]', 'ARRAY[1]', 'ARRAY[11.99]', "'{}'"];
  const settleArgs = [':id', "'pgbench'", "'x'", "'{}'", "'{}'"];
  const bind = (text, args) => text.replace(/\$(\d+)/g, (_, n) => args[Number(n) - 1]).replace(/\s+/g, ' ').trim();
  return {
    recorded,
    script: ['\\set pid random(:minid, :minid + :skus - 1)', `${bind(recorded[0].text, reserveArgs)} \\gset`, `${bind(recorded[1].text, settleArgs)};`, ''].join('\n'),
  };
}

/**
 * The floor of any Node front-end on this machine: plain node:http + pg (pool of --pool, named
 * prepared statements) running pgbench's transaction per POST (the same two statements, the same one
 * line of quantity 1), answering the settled row as JSON. No framework, auth, validation or reads.
 */
const FLOOR_SERVER = `
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const pool = new Pool({ host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USERNAME,
  password: process.env.DB_PASSWORD, database: process.env.DB_DATABASE, max: Number(process.env.POOL) });
const [reserve, settle] = JSON.parse(process.env.STATEMENTS);
async function order(pid, uid) {
  const r = await pool.query({ name: 'reserve', text: reserve, values: [[pid], [1], uid, 'USD', '11.99', '11.99', '{"name":"floor"}',
    randomUUID(), 'h', 900, [pid], ['HOT'], ['Hot'], ['11.99'], [1], ['11.99'], '{}'] });
  if (!r.rows[0].id) return [409, '{}'];
  const s = await pool.query({ name: 'settle', text: settle, values: [r.rows[0].id, 'floor', 'x', '{}', '{}'] });
  return [201, JSON.stringify(s.rows[0])];
}
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const { pid, uid } = JSON.parse(body);
    order(pid, uid).then(([status, out]) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(out); },
      (e) => { res.writeHead(500); res.end(String(e.message)); });
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

function pgbenchPhase(ids, pgUser, clients, sql) {
  const script = path.join(os.tmpdir(), 'orders-pgbench.sql');
  fs.writeFileSync(script, sql);
  const res = spawnSync(PGBENCH, [
    '-n', '-c', String(clients), '-j', '2', '-T', String(DURATION), '-M', 'prepared',
    '-D', `minid=${Math.min(...ids)}`, '-D', `skus=${ids.length}`, '-D', `uid=${pgUser}`,
    '-f', script, '-h', env.DB_HOST, '-p', String(env.DB_PORT), '-U', env.DB_USERNAME, BENCH_DB,
  ], { env: { ...process.env, PGPASSWORD: env.DB_PASSWORD }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`pgbench failed: ${res.stderr}`);
  const tps = /tps = ([\d.]+)/.exec(res.stdout)?.[1];
  const lat = /latency average = ([\d.]+) ms/.exec(res.stdout)?.[1];
  const failed = /number of failed transactions: (\d+)/.exec(res.stdout)?.[1];
  return { clients, tps: round(Number(tps)), latencyAvg: Number(lat), failed: Number(failed ?? 0) };
}

const FLOOR_PORT = PORT + 1;
const startFloor = (recorded) =>
  startScriptServer('orders floor server', FLOOR_SERVER, FLOOR_PORT, {
    DB_HOST: env.DB_HOST, DB_PORT: String(env.DB_PORT), DB_USERNAME: env.DB_USERNAME, DB_PASSWORD: env.DB_PASSWORD, DB_DATABASE: BENCH_DB,
    POOL: String(POOL), STATEMENTS: JSON.stringify(recorded.map((r) => r.text)),
  });

/** A load phase on fresh stock; its oversell checked after it. */
async function measured(db, ids, phase) {
  await resetStock(db, ids);
  const since = await maxOrderId(db);
  const result = await phase();
  await sleep(500);
  return { ...result, oversell: await oversell(db, ids, since) };
}

async function main() {
  const { db, ids, pgUser } = await prepareDatabase();
  const { recorded, script } = await pgbenchScript();
  const results = [];
  let gw;
  let floor;
  try {
    gw = await benchGateway();
    floor = await startFloor(recorded);
    const tokens = await buyerTokens();
    const floorOrder = () => [`${floor.url}/order`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pid: ids[Math.floor(Math.random() * ids.length)], uid: pgUser }) }];
    for (let run = 1; run <= RUNS; run++) {
      const api = await measured(db, ids, () => loadPhase(tokens, apiOrder(ids)));
      const nodeFloor = await measured(db, ids, () => loadPhase(tokens, floorOrder));
      const phases = [];
      for (const clients of [...new Set([POOL, BUYERS])]) phases.push(await measured(db, ids, async () => pgbenchPhase(ids, pgUser, clients, script)));
      const pg = phases.reduce((best, p) => (p.tps > best.tps ? p : best));
      const r = {
        run, api, nodeFloor,
        pgbench: { ...pg, oversell: Math.max(...phases.map((p) => p.oversell)), byClients: phases.map((p) => ({ clients: p.clients, tps: p.tps })) },
        ratioApiToPgbench: round(api.ordersPerSecond / pg.tps, 3),
        ratioFloorToPgbench: round(nodeFloor.ordersPerSecond / pg.tps, 3),
        ratioApiToFloor: round(api.ordersPerSecond / nodeFloor.ordersPerSecond, 3),
      };
      results.push(r);
      console.log(JSON.stringify(r));
    }
    const med = (f) => median(results.map(f));
    const worst = (f) => Math.max(...results.map(f));
    const summary = {
      runs: RUNS, durationSeconds: DURATION, buyers: BUYERS, hotSkus: ids.length,
      api: { ordersPerSecond: med((r) => r.api.ordersPerSecond), p50: med((r) => r.api.p50), p99: med((r) => r.api.p99), oversell: worst((r) => r.api.oversell) },
      nodeFloor: { ordersPerSecond: med((r) => r.nodeFloor.ordersPerSecond), p50: med((r) => r.nodeFloor.p50), p99: med((r) => r.nodeFloor.p99), oversell: worst((r) => r.nodeFloor.oversell) },
      pgbench: { tps: med((r) => r.pgbench.tps), clientsOfBest: results.map((r) => r.pgbench.clients), latencyAvg: med((r) => r.pgbench.latencyAvg), oversell: worst((r) => r.pgbench.oversell) },
      ratioApiToPgbench: med((r) => r.ratioApiToPgbench),
      ratioFloorToPgbench: med((r) => r.ratioFloorToPgbench),
      ratioApiToFloor: med((r) => r.ratioApiToFloor),
    };
    const oversold = summary.api.oversell + summary.nodeFloor.oversell + summary.pgbench.oversell;
    console.log('MEDIANS ' + JSON.stringify(summary));
    console.log(`node floor (plain node:http + pg, pgbench's two statements) : pgbench ${summary.ratioFloorToPgbench}; API : node floor ${summary.ratioApiToFloor}`);
    console.log(`RATIO API orders/s : best pgbench tps (same SQL, same run, ${POOL} or ${BUYERS} clients, median of ${RUNS}) ${summary.ratioApiToPgbench} (goal >= 0.8); oversell ${oversold}`);
    if (oversold !== 0) process.exitCode = 2;
  } finally {
    await floor?.stop();
    await gw?.stop();
    await db.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
