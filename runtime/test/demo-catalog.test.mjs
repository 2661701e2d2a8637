// The demo-catalog task of `make up` (runtime/components/demo-catalog.sh) on its OWN throwaway
// database (migrated like the platform's): an empty catalog gets the demo catalog once, and says
// so; a second run, or any existing catalog, is left exactly as it is.
// Needs: make up (PostgreSQL, and the gateway build the schema task made).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { ROOT, env } from '../support.mjs';

const DB = `commerce_demo_test_${process.pid}`;
const conn = (database) => new pg.Client({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USERNAME, password: env.DB_PASSWORD, database });
const admin = conn('postgres');
let db;

/** Runs the component's task the way platform.sh does, pointed at the test database. */
function runTask() {
  const script = `NAME=demo-catalog; . runtime/lib.sh; load_env; DB_DATABASE=${DB}; DEMO_PRODUCTS=150; export DB_DATABASE ORDERS=40;
    STATE=$(mktemp -d); LOG=$STATE/demo-catalog.log; . runtime/components/demo-catalog.sh; run`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  const m = spawnSync('node', ['dist/database/migrate.js', 'run'], { cwd: `${ROOT}api-gateway`, encoding: 'utf8', env: { ...process.env, DB_DATABASE: DB } });
  assert.equal(m.status, 0, m.stderr || m.stdout);
  db = conn(DB);
  await db.connect();
});

after(async () => {
  await db?.end().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
});

test('an empty catalog gets the demo catalog once, with a message; an existing one is left alone', async () => {
  const first = runTask();
  assert.match(first, /empty catalog: loading the demo catalog once \(150 products with images/);
  const count = async (sql) => Number((await db.query(sql)).rows[0].n);
  assert.equal(await count('SELECT count(*) n FROM products'), 150);
  assert.ok(await count('SELECT count(*) n FROM product_images') >= 150, 'products come with images');
  assert.ok(await count('SELECT count(*) n FROM orders') > 0, 'and an order history');
  assert.ok(await count(`SELECT count(*) n FROM users WHERE email = 'alice@example.com'`) === 1, 'and the demo users');

  // a user's edit must survive the next `make up`
  await db.query(`UPDATE products SET name = 'Edited by the user', price = 1.23 WHERE id = 1`);
  const second = runTask();
  assert.match(second, /catalog present \(\d+ product\/category\/brand rows\): left as it is/);
  assert.doesNotMatch(second, /loading the demo catalog/);
  const row = (await db.query('SELECT name, price FROM products WHERE id = 1')).rows[0];
  assert.deepEqual(row, { name: 'Edited by the user', price: '1.23' });
  assert.equal(await count('SELECT count(*) n FROM products'), 150);
});

test('a catalog with only categories (products deleted by the user) is not reseeded either', async () => {
  await db.query('DELETE FROM order_items; DELETE FROM payments; DELETE FROM orders; DELETE FROM inventory; DELETE FROM product_images; DELETE FROM products');
  const out = runTask();
  assert.match(out, /catalog present/);
  assert.equal(Number((await db.query('SELECT count(*) n FROM products')).rows[0].n), 0);
});
