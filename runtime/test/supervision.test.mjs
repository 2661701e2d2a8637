// Supervision of the native runtime's app processes (runtime/supervise.sh), on the running platform:
// kill -9 of the indexer, the gateway or the order worker -> back within 10 s without any command,
// and a catalog change made while the indexer was down becomes searchable. Only the process under
// test is killed; the product it changes is its own (created here, deleted afterwards).
// Also the supervisor alone: gives up after repeated fast crashes; TERM stops child and supervisor.
// Needs: make up (make test starts the whole platform first).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { ROOT, env } from '../support.mjs';

const BACK_WITHIN_MS = 10_000;
// not the goal under test (that is BACK_WITHIN_MS): generous, as right after a first `make up` the
// indexer may still be working through the demo catalog's initial snapshot ahead of our change
const SEARCHABLE_WITHIN_MS = 120_000;
const GATEWAY = `http://127.0.0.1:${env.GATEWAY_PORT || 3000}`;
const INDEXER = `http://127.0.0.1:${env.INDEXER_HTTP_PORT || 3001}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const state = (name, file) => `${ROOT}.platform/${name}/${file}`;
const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8').trim() : '');
const alive = (pid) => { if (!/^[0-9]+$/.test(String(pid))) return false; try { process.kill(Number(pid), 0); return true; } catch { return false; } };

async function until(what, timeoutMs, fn) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn().catch(() => false);
    if (v) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(200);
  }
}
const ok = (url) => async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

/** kill -9 the supervised process of NAME; resolves to {oldPid, newPid, ms until `back()`}. */
async function killAndWaitBack(name, back) {
  const childFile = state(name, `${name}.child.pid`);
  const oldPid = read(childFile);
  assert.ok(oldPid && alive(oldPid), `${name} runs under the supervisor (${childFile}); run make up`);
  process.kill(Number(oldPid), 'SIGKILL');
  const killedAt = Date.now();
  await until(`${name} restarted and healthy`, BACK_WITHIN_MS, async () => {
    const pid = read(childFile);
    return pid && pid !== oldPid && alive(pid) && (await back());
  });
  return { oldPid, newPid: read(childFile), ms: Date.now() - killedAt };
}

const db = new pg.Client({
  host: env.DB_HOST, port: Number(env.DB_PORT), database: env.DB_DATABASE, user: env.DB_USERNAME, password: env.DB_PASSWORD,
});
const run = Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
let productId, brandId, categoryId;
async function removeProbes(where) {
  const { rows } = await db.query(`DELETE FROM products WHERE ${where} RETURNING brand_id, category_id`);
  for (const r of rows) {
    await db.query('DELETE FROM brands WHERE id = $1', [r.brand_id]);
    await db.query('DELETE FROM categories WHERE id = $1', [r.category_id]);
  }
}
after(async () => {
  if (productId) await removeProbes(`id = ${Number(productId)}`);
  await db.end().catch(() => {});
});

async function searchPrice() {
  const res = await fetch(`${GATEWAY}/api/products?q=${run}`, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) return undefined;
  const hit = (await res.json()).items.find((p) => String(p.id) === String(productId));
  return hit?.price;
}

test('kill -9 of the indexer: back within 10 s, and a change made meanwhile becomes searchable', async () => {
  await db.connect();
  await removeProbes("sku LIKE 'supervision-probe-%'"); // left over by an interrupted run
  brandId = (await db.query(`INSERT INTO brands (name, slug) VALUES ($1, $1) RETURNING id`, [`probe-${run}`])).rows[0].id;
  categoryId = (await db.query(`INSERT INTO categories (name, slug) VALUES ($1, $1) RETURNING id`, [`probe-${run}`])).rows[0].id;
  productId = (await db.query(
    `INSERT INTO products (sku, name, slug, price, category_id, brand_id) VALUES ($1, $2, $1, 10.00, $3, $4) RETURNING id`,
    [`supervision-probe-${run}`, `Supervision probe ${run}`, categoryId, brandId],
  )).rows[0].id;
  await until('the probe product is searchable', SEARCHABLE_WITHIN_MS, async () => (await searchPrice()) === 10);

  const childFile = state('indexer', 'indexer.child.pid');
  const oldPid = read(childFile);
  assert.ok(oldPid && alive(oldPid), 'the indexer runs under the supervisor; run make up');
  process.kill(Number(oldPid), 'SIGKILL');
  const killedAt = Date.now();
  await db.query('UPDATE products SET price = 23.45 WHERE id = $1', [productId]); // while it is down
  await until('indexer restarted and consuming', BACK_WITHIN_MS, async () => {
    const pid = read(childFile);
    return pid && pid !== oldPid && (await ok(`${INDEXER}/health`)());
  });
  const backMs = Date.now() - killedAt;
  await until('the change made while the indexer was down is searchable', SEARCHABLE_WITHIN_MS, async () => (await searchPrice()) === 23.45);
  console.log(`indexer back ${backMs} ms after kill -9; change searchable ${Date.now() - killedAt} ms after`);
  assert.ok(/^restarts:[1-9]/.test(await statusColumn('indexer')), 'make status shows the restart');
});

test('kill -9 of the gateway: back within 10 s', async () => {
  const r = await killAndWaitBack('api-gateway', ok(`${GATEWAY}/health/ready`));
  console.log(`gateway back ${r.ms} ms after kill -9 (pid ${r.oldPid} -> ${r.newPid})`);
});

test('kill -9 of the order worker: back within 10 s (ready again: its Kafka consumer joined, relay running)', async () => {
  const ready = state('order-worker', 'ready');
  const r = await killAndWaitBack('order-worker', async () => read(ready) === read(state('order-worker', 'order-worker.child.pid')));
  console.log(`order worker back ${r.ms} ms after kill -9 (pid ${r.oldPid} -> ${r.newPid})`);
});

async function statusColumn(name) {
  const out = await runCmd('bash', [`${ROOT}runtime/platform.sh`, 'status', name]);
  return out.stdout.trim().split(/\s+/)[2];
}

function runCmd(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('the supervisor gives up after repeated fast crashes and says so in its state file', async () => {
  const dir = mkdtempSync(`${tmpdir()}/supervise-`);
  const t0 = Date.now();
  const r = await runCmd('bash', [`${ROOT}runtime/supervise.sh`, dir, 'crasher', '--', 'bash', '-c', 'exit 3'], {
    env: { ...process.env, SUPERVISE_MAX_FAST_CRASHES: '3', SUPERVISE_MAX_BACKOFF: '1' },
  });
  assert.equal(r.code, 1);
  assert.match(read(`${dir}/supervisor.state`), /^gave-up 2 after 3 fast crashes \(last exit code 3\)$/);
  assert.match(r.stdout, /restart 1 in 1s/);
  assert.match(r.stdout, /3 fast crashes in a row, giving up/);
  assert.ok(Date.now() - t0 < 10_000);
});

test('TERM to the supervisor stops its child and never restarts it', async () => {
  const dir = mkdtempSync(`${tmpdir()}/supervise-`);
  const p = spawn('bash', [`${ROOT}runtime/supervise.sh`, dir, 'sleeper', '--', 'sleep', '300'], { stdio: 'ignore' });
  await until('child started', 5000, async () => alive(read(`${dir}/sleeper.child.pid`)));
  const child = read(`${dir}/sleeper.child.pid`);
  const exited = new Promise((r) => p.on('exit', (code) => r(code)));
  p.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.equal(alive(child), false, 'child stopped with its supervisor');
  assert.equal(existsSync(`${dir}/supervisor.state`), false);
});
