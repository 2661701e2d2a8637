// Load generators of the fault suite: catalog writes (the admin's JSON API where it has the
// operation, SQL for the rest), searches through nginx, orders from registered buyers.
// Every generator records what it saw with timestamps, so a scenario can cut the record into
// "before / during the fault / after".
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, STATE, URLS, env, http, log, pick, rand, run, sleep, uuid, now } from './lib.mjs';

const ADMIN_API = `${URLS.nginx}/admin/api`;

/** Suite-owned catalog rows: one brand, two root categories, four leaves that move between them. */
export async function ensureCatalogFixtures(pool) {
  const brand = (await pool.query(
    `INSERT INTO brands (name, slug) VALUES ('Faults Brand', 'faults-brand')
     ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`)).rows[0].id;
  const cat = async (slug, name, parent) => {
    const found = await pool.query(`SELECT id FROM categories WHERE slug = $1 ORDER BY id LIMIT 1`, [slug]);
    if (found.rows.length) return Number(found.rows[0].id);
    return Number((await pool.query(`INSERT INTO categories (name, slug, parent_id) VALUES ($1, $2, $3) RETURNING id`, [name, slug, parent])).rows[0].id);
  };
  const roots = [await cat('faults-root-a', 'Faults A', null), await cat('faults-root-b', 'Faults B', null)];
  const leaves = [];
  for (let i = 1; i <= 4; i++) leaves.push(await cat(`faults-leaf-${i}`, `Faults leaf ${i}`, roots[i % 2]));
  return { brand: Number(brand), roots, leaves };
}

/** A catalog:write service key for the admin's JSON API, revoked by revokeAdminKey at the end. */
export async function createAdminKey(runId) {
  const r = await run('php', [`${ROOT}/admin-service/artisan`, 'api-key:create', `fault-suite-${runId}`, '--scope=catalog:write', '--expires=+1 day']);
  const key = r.stdout.trim().split('\n').pop();
  if (r.code !== 0 || !key.startsWith('cpk_')) throw new Error(`api-key:create failed: ${r.stderr || r.stdout}`);
  const prefix = (r.stderr.match(/\(([^)…]+)…\)/) || [])[1];
  return { key, prefix };
}
export async function revokeAdminKey(k) {
  if (k?.prefix) await run('php', [`${ROOT}/admin-service/artisan`, 'api-key:revoke', k.prefix]);
}

/**
 * Catalog writes at `rate`/s: inserts, updates, price and stock changes, soft deletes, restores,
 * hard deletes, category moves and renames. Up to `adminRate`/s go through the admin's JSON API
 * (create, update, delete, restore, category rename/move); the rest, and the operations the admin
 * has no API for (stock alone, hard delete), through SQL.
 */
export class CatalogWriter {
  constructor(pool, fixtures, { runId, rate = 200, adminRate = 20, adminKey, poolSize = 300 }) {
    Object.assign(this, { pool, fx: fixtures, runId, rate, adminRate, adminKey, poolSize });
    this.products = new Map(); // id -> {sku, deleted}
    this.seq = 0;
    this.stats = { ok: 0, failed: 0, admin: 0, sql: 0, skipped: 0, byOp: {} };
    this.errors = [];
    this.inflight = 0;
    this.adminInflight = 0;
    this.timeline = []; // [t, ok?] per op, to cut by phase
  }

  sku() { return `faults-${this.runId}-${++this.seq}`; }

  /** Seeds the pool with `n` products in one statement (through SQL). */
  async seed(n = this.poolSize) {
    const { rows } = await this.pool.query(
      `WITH p AS (
         INSERT INTO products (sku, name, slug, description, price, category_id, brand_id, status, attributes)
         SELECT $1::text || g, 'Faults item ' || $1::text || g, $1::text || g, 'fault suite product', (10 + g % 90)::numeric(12,2),
                ($2::bigint[])[1 + g % 4], $3, 'active', jsonb_build_object('color', (ARRAY['red','blue','green'])[1 + g % 3])
         FROM generate_series(1, $4::int) g RETURNING id, sku)
       , i AS (INSERT INTO inventory (product_id, on_hand) SELECT id, 50 FROM p)
       SELECT id, sku FROM p`,
      [`faults-${this.runId}-s`, this.fx.leaves, this.fx.brand, n]);
    for (const r of rows) this.products.set(Number(r.id), { sku: r.sku, deleted: false });
    return rows.length;
  }

  start() {
    this.running = true;
    let credit = 0, last = performance.now();
    this.loop = (async () => {
      while (this.running) {
        await sleep(20);
        const t = performance.now();
        credit += ((t - last) / 1000) * this.rate;
        last = t;
        while (credit >= 1) {
          credit -= 1;
          if (this.inflight >= 48) { this.stats.skipped++; continue; }
          this.inflight++;
          this.one().finally(() => this.inflight--);
        }
      }
    })();
  }

  async stop() {
    this.running = false;
    await this.loop;
    while (this.inflight > 0) await sleep(20);
  }

  ids(filter) { return [...this.products.entries()].filter(([, p]) => filter(p)).map(([id]) => id); }

  async one() {
    const r = Math.random() * 100;
    const live = this.ids((p) => !p.deleted), gone = this.ids((p) => p.deleted);
    let op;
    if (r < 10 || live.length < 20) op = 'insert';
    else if (r < 28) op = 'update';
    else if (r < 52) op = 'price';
    else if (r < 76) op = 'stock';
    else if (r < 84) op = 'softDelete';
    else if (r < 92) op = gone.length ? 'restore' : 'price';
    else if (r < 95) op = this.products.size > this.poolSize ? 'hardDelete' : 'update';
    else if (r < 97.5) op = 'categoryMove';
    else op = 'categoryRename';
    const viaAdmin = this.adminKey && ['insert', 'update', 'softDelete', 'restore', 'categoryRename', 'categoryMove'].includes(op)
      && this.adminInflight < 6 && this.adminTokens() >= 1;
    const id = op === 'restore' ? pick(gone) : pick(live);
    const t = now();
    try {
      const done = viaAdmin ? await this.admin(op, id) : await this.sql(op, id);
      if (done === false) return;
      this.stats.ok++;
      this.stats[viaAdmin ? 'admin' : 'sql']++;
      this.stats.byOp[op] = (this.stats.byOp[op] || 0) + 1;
      this.timeline.push([t, 1]);
    } catch (err) {
      this.stats.failed++;
      this.timeline.push([t, 0]);
      if (this.errors.length < 20) this.errors.push(`${op}: ${String(err.message || err).slice(0, 160)}`);
    }
  }

  adminTokens() {
    const t = performance.now();
    this.bucket = Math.min(this.adminRate, (this.bucket ?? this.adminRate) + ((t - (this.bucketAt ?? t)) / 1000) * this.adminRate);
    this.bucketAt = t;
    if (this.bucket >= 1) { this.bucket -= 1; return 1; }
    return 0;
  }

  async sql(op, id) {
    const q = (text, values) => this.pool.query(text, values);
    switch (op) {
      case 'insert': {
        const sku = this.sku();
        const { rows } = await q(
          `WITH p AS (INSERT INTO products (sku, name, slug, price, category_id, brand_id, attributes)
             VALUES ($1::text, 'Faults item ' || $1::text, $1::text, $2, $3, $4, '{"color":"red"}') RETURNING id)
           INSERT INTO inventory (product_id, on_hand) SELECT id, $5 FROM p RETURNING product_id`,
          [sku, (5 + rand(200)).toFixed(2), pick(this.fx.leaves), this.fx.brand, rand(100)]);
        this.products.set(Number(rows[0].product_id), { sku, deleted: false });
        return true;
      }
      case 'update':
        await q(`UPDATE products SET name = $2, description = $3, status = $4 WHERE id = $1`,
          [id, `Faults item ${this.products.get(id)?.sku} v${rand(1000)}`, `updated ${Date.now()}`, Math.random() < 0.1 ? 'draft' : 'active']);
        return true;
      case 'price':
        await q(`UPDATE products SET price = $2 WHERE id = $1`, [id, (1 + rand(500) + rand(100) / 100).toFixed(2)]);
        return true;
      case 'stock':
        await q(`UPDATE inventory SET on_hand = GREATEST(reserved, $2::int) WHERE product_id = $1`, [id, rand(60)]);
        return true;
      case 'softDelete':
        await q(`UPDATE products SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`, [id]);
        this.products.get(id).deleted = true;
        return true;
      case 'restore':
        await q(`UPDATE products SET deleted_at = NULL WHERE id = $1`, [id]);
        this.products.get(id).deleted = false;
        return true;
      case 'hardDelete':
        this.products.delete(id);
        await q(`DELETE FROM products WHERE id = $1`, [id]);
        return true;
      case 'categoryMove': {
        const leaf = pick(this.fx.leaves);
        await q(`UPDATE categories SET parent_id = CASE WHEN parent_id = $2 THEN $3::bigint ELSE $2::bigint END WHERE id = $1`, [leaf, ...this.fx.roots]);
        return true;
      }
      case 'categoryRename': {
        const leaf = pick(this.fx.leaves);
        await q(`UPDATE categories SET name = 'Faults leaf ' || id || ' r' || $2 WHERE id = $1`, [leaf, rand(1000)]);
        return true;
      }
      default: throw new Error(`unknown op ${op}`);
    }
  }

  async admin(op, id) {
    this.adminInflight++;
    try {
      const headers = { 'x-api-key': this.adminKey, accept: 'application/json' };
      const expect = (res, ...codes) => {
        if (!codes.includes(res.status)) throw new Error(`admin ${op} -> ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
        return res;
      };
      const fields = (sku) => ({
        sku, name: `Faults item ${sku} a${rand(1000)}`, price: (1 + rand(300)).toFixed(2), category_id: pick(this.fx.leaves),
        brand_id: this.fx.brand, status: 'active', on_hand: rand(80), description: `admin write ${Date.now()}`,
        attributes: [{ key: 'color', value: pick(['red', 'blue', 'green']) }],
      });
      switch (op) {
        case 'insert': {
          const sku = this.sku();
          const res = expect(await http(`${ADMIN_API}/products`, { method: 'POST', headers, body: fields(sku) }), 201);
          const pid = Number(res.body?.data?.id ?? res.body?.id);
          this.products.set(pid, { sku, deleted: false });
          return true;
        }
        case 'update': {
          const p = this.products.get(id);
          if (!p) return false;
          expect(await http(`${ADMIN_API}/products/${id}`, { method: 'PUT', headers, body: fields(p.sku) }), 200);
          return true;
        }
        case 'softDelete':
          expect(await http(`${ADMIN_API}/products/${id}`, { method: 'DELETE', headers }), 200, 204);
          this.products.get(id).deleted = true;
          return true;
        case 'restore':
          expect(await http(`${ADMIN_API}/products/${id}/restore`, { method: 'POST', headers }), 200, 204);
          this.products.get(id).deleted = false;
          return true;
        case 'categoryRename': {
          const leaf = pick(this.fx.leaves);
          const { rows } = await this.pool.query('SELECT parent_id FROM categories WHERE id = $1', [leaf]);
          expect(await http(`${ADMIN_API}/categories/${leaf}`, { method: 'PUT', headers, body: { name: `Faults leaf ${leaf} a${rand(1000)}`, parent_id: Number(rows[0].parent_id) } }), 200);
          return true;
        }
        case 'categoryMove': {
          const leaf = pick(this.fx.leaves);
          const { rows } = await this.pool.query('SELECT parent_id, name FROM categories WHERE id = $1', [leaf]);
          const to = Number(rows[0].parent_id) === this.fx.roots[0] ? this.fx.roots[1] : this.fx.roots[0];
          expect(await http(`${ADMIN_API}/categories/${leaf}`, { method: 'PUT', headers, body: { name: rows[0].name, parent_id: to } }), 200);
          return true;
        }
        default: throw new Error(`no admin path for ${op}`);
      }
    } finally {
      this.adminInflight--;
    }
  }
}

const TERMS = ['shirt', 'jeans', 'headphones', 'yoga mat', 'organic', 'wireless', 'running shoes', 'lamp', 'faults item', 'coffee', 'backpack', 'jacket'];

/** `concurrency` closed-loop shoppers through nginx: searches (most), product pages (cached path), suggestions. */
export class Searchers {
  constructor({ concurrency = 16, productIds = () => [] }) {
    Object.assign(this, { concurrency, productIds });
    this.samples = []; // {t, kind, status, ms, degraded}
  }
  start() {
    this.running = true;
    this.loops = Array.from({ length: this.concurrency }, () => (async () => {
      while (this.running) {
        const r = Math.random();
        let kind = 'search', url;
        if (r < 0.8) {
          const qs = new URLSearchParams({ q: pick(TERMS), pageSize: '24' });
          if (Math.random() < 0.3) qs.set('inStock', 'true');
          if (Math.random() < 0.2) qs.set('sort', pick(['price_asc', 'price_desc', 'newest']));
          if (Math.random() < 0.2) qs.set('maxPrice', String(20 + rand(200)));
          url = `${URLS.nginx}/api/products?${qs}`;
        } else if (r < 0.95) {
          const ids = this.productIds();
          kind = 'detail';
          url = `${URLS.nginx}/api/products/${ids.length ? pick(ids) : 1 + rand(10000)}`;
        } else {
          kind = 'suggest';
          url = `${URLS.nginx}/api/products/suggest?q=${encodeURIComponent(pick(TERMS).slice(0, 3))}`;
        }
        const t = now();
        // our own request id (nginx keeps a valid one): a failed request can be found in the gateway's log
        const rid = `faults-${t.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const res = await http(url, { timeoutMs: 10_000, json: false, headers: { 'x-request-id': rid } });
        const sample = { t, kind, status: res.status, ms: res.ms, degraded: res.headers.get('x-search-degraded') === 'true', retryAfter: res.headers.get('retry-after') };
        if (res.status === 0 || res.status >= 500) Object.assign(sample, { rid, url: url.slice(URLS.nginx.length), error: res.error });
        this.samples.push(sample);
        if (res.status === 0 || res.status >= 500) await sleep(100); // a dead entry point: don't spin
      }
    })());
  }
  async stop() { this.running = false; await Promise.all(this.loops || []); }
}

const ADDRESS = { name: 'Fault Buyer', line1: '1 Chaos Street', city: 'Berlin', postalCode: '10115', country: 'DE' };
const BUYER_PASSWORD = 'Faults-Buyer-Passw0rd!';

/** 32 buyer accounts (registered once, reused by later runs); each comes from its own client address. */
export async function prepareBuyers(n = 32, loginUrl = URLS.gateway) {
  authUrl = loginUrl;
  const cacheFile = path.join(STATE, 'buyers.json');
  let cached = [];
  try { cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')); } catch { /* first run */ }
  const buyers = Array.from({ length: n }, (_, i) => ({ i, email: `faults-b4-${i}@faults.test`, ip: `10.77.0.${i + 10}` }));
  const queue = [...buyers];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let b; (b = queue.shift());) {
      const c = cached.find((x) => x.email === b.email);
      if (c && Date.now() - c.at < 8 * 60_000 && (await http(`${URLS.gateway}/api/auth/me`, { headers: { authorization: `Bearer ${c.token}` } })).status === 200) {
        Object.assign(b, { token: c.token, userId: c.userId });
      } else await buyerLogin(b);
    }
  }));
  fs.writeFileSync(cacheFile, JSON.stringify(buyers.map((b) => ({ email: b.email, token: b.token, userId: b.userId, at: b.at ?? Date.now() }))));
  return buyers;
}

/** Where buyers sign in: the suite's own gateway with BCRYPT_COST=4 (32 sign-ins at the platform's cost take ~1 min on 2 busy cores); its tokens are the platform's (same keys). */
let authUrl = URLS.gateway;
async function buyerLogin(b) {
  const headers = { 'x-forwarded-for': b.ip };
  let res;
  for (let attempt = 0; attempt < 4; attempt++) {
    res = await http(`${authUrl}/api/auth/login`, { method: 'POST', headers, body: { email: b.email, password: BUYER_PASSWORD }, timeoutMs: 30_000 });
    if (res.status === 401) {
      res = await http(`${authUrl}/api/auth/register`, { method: 'POST', headers, body: { email: b.email, password: BUYER_PASSWORD, name: `Fault buyer ${b.i}` }, timeoutMs: 30_000 });
    }
    if (res.status === 200 || res.status === 201) break;
    await sleep(2000);
  }
  if (res.status !== 200 && res.status !== 201) throw new Error(`buyer ${b.email}: login/register ${res.status || res.error} ${String(JSON.stringify(res.body)).slice(0, 200)}`);
  b.token = res.body.accessToken;
  b.at = Date.now();
  b.userId = Number(res.body.user?.id ?? JSON.parse(Buffer.from(b.token.split('.')[1], 'base64url').toString()).sub);
}

/** Hot SKUs of this run: some with plenty of stock, two that sell out (409s expected, never oversold). */
export async function createHotSkus(pool, fx, runId, n = 6) {
  const stocks = Array.from({ length: n }, (_, i) => (i < 2 ? 120 : 100000));
  const hot = [];
  for (let i = 0; i < n; i++) {
    const sku = `faults-${runId}-hot-${i}`;
    const { rows } = await pool.query(
      `WITH p AS (INSERT INTO products (sku, name, slug, price, category_id, brand_id) VALUES ($1::text, 'Faults hot ' || $1::text, $1::text, $2, $3, $4) RETURNING id)
       INSERT INTO inventory (product_id, on_hand) SELECT id, $5 FROM p RETURNING product_id`,
      [sku, (9.99 + i).toFixed(2), fx.leaves[0], fx.brand, stocks[i]]);
    hot.push({ id: Number(rows[0].product_id), sku, stock: stocks[i] });
  }
  return hot;
}

/**
 * Closed-loop buyers posting orders on the hot SKUs. Each attempt has an Idempotency-Key; a
 * network error or 5xx is retried with the same key (as a client must), and 5 % of the orders
 * that succeeded are sent again on purpose (double submit): one order per key, same answer.
 */
export class Buyers {
  constructor(buyers, hot, { thinkMs = 500, target = () => URLS.nginx, declineShare = 0.05 } = {}) {
    Object.assign(this, { buyers, hot, thinkMs, target, declineShare });
    this.attempts = []; // {t, key, buyer, status, orderId, replayed, number, ms, target}
    this.keys = new Map(); // key -> {buyer, statuses: [], orderIds: Set, pay}
  }
  start() {
    this.running = true;
    this.loops = this.buyers.map((b) => (async () => {
      await sleep(rand(this.thinkMs + 1));
      while (this.running) {
        await this.placeOne(b);
        await sleep(this.thinkMs * (0.5 + Math.random()));
      }
    })());
  }
  async stop() { this.running = false; await Promise.all(this.loops || []); }

  async placeOne(b) {
    const lines = new Map();
    for (let n = 1 + rand(2); n > 0; n--) { const h = pick(this.hot); lines.set(h.id, (lines.get(h.id) || 0) + 1 + rand(2)); }
    const pay = Math.random() < this.declineShare ? 'tok_decline' : 'tok_success';
    const body = { items: [...lines].map(([productId, quantity]) => ({ productId, quantity })), shippingAddress: ADDRESS, payment: { method: 'card', token: pay } };
    const key = uuid();
    const rec = { buyer: b.i, userId: b.userId, statuses: [], orderIds: new Set(), pay, replayedOk: true };
    this.keys.set(key, rec);
    for (let attempt = 0; attempt < 4 && this.running; attempt++) {
      const res = await this.post(b, key, body);
      rec.statuses.push(res.status);
      if (res.status === 201) {
        rec.orderIds.add(Number(res.body.id));
        rec.number = res.body.number;
        if (Math.random() < 0.05) { // double submit on purpose
          const again = await this.post(b, key, body);
          rec.statuses.push(again.status);
          if (again.status === 201) {
            rec.orderIds.add(Number(again.body.id));
            if (again.headers.get('idempotent-replayed') !== 'true') rec.replayedOk = false;
          }
        }
        return;
      }
      if (res.status === 401) { await buyerLogin(b).catch(() => {}); continue; }
      if (res.status !== 0 && res.status < 500 && res.status !== 429) return; // 402 decline, 409 stock: final answers
      await sleep(500 * (attempt + 1)); // network error, 5xx, 429: retry with the SAME key
    }
  }

  async post(b, key, body) {
    const target = this.target(b);
    this.inflight = (this.inflight || 0) + 1;
    const res = await http(`${target}/api/orders`, {
      method: 'POST', body, timeoutMs: 30_000,
      headers: { authorization: `Bearer ${b.token}`, 'idempotency-key': key, 'x-forwarded-for': b.ip },
    });
    this.inflight--;
    this.attempts.push({ t: now() - res.ms, status: res.status, ms: res.ms, key, target });
    return res;
  }
}

export { BUYER_PASSWORD, env };
