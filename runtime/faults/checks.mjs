// Invariant checks run after every scenario, once the platform has recovered:
// index convergence (verify-index: count + per-document checksum), no stale price/stock/deleted
// state through the API's cached paths, and the order invariants (acknowledged orders exist and
// are paid, no oversell, reservations released, one email per paid order, no double charge).
// Each check returns {ok, violations: [text], ...figures}; a violation fails the suite.
import path from 'node:path';
import { ROOT, URLS, http, run, sleep, until, now, verifyCli } from './lib.mjs';

/** Index has applied everything committed up to now: a probe write is visible in the search node. */
export async function probeVisible(pool, probeId, timeoutMs = 240_000) {
  const price = (100 + Math.floor(Math.random() * 900) + Math.random()).toFixed(2);
  const started = now();
  for (;;) { // the write itself may have to wait for PostgreSQL to come back
    try { await pool.query('UPDATE products SET price = $2 WHERE id = $1', [probeId, price]); break; } catch (err) {
      if (now() - started > timeoutMs) throw err;
      await sleep(500);
    }
  }
  await until('probe write searchable', timeoutMs - (now() - started), async () => {
    const r = await http(`${URLS.es}/products/_doc/${probeId}`, { timeoutMs: 3000 });
    return r.status === 200 && Number(r.body?._source?.price) === Number(price);
  }, 200);
  return now() - started;
}

/**
 * verify-index --json (the make verify-index CLI); retried while drift is still draining.
 * `ignore`: ids that drifted before the suite started (not ours to judge). On the shared development
 * machine (not in CI, FAULTS_STRICT unset) a remaining drift whose every id is outside `owned` (the
 * suite's products) is reported as foreign (another engineer's test) and not counted as a violation.
 */
export async function verifyIndex({ timeoutMs = 90_000, owned, ignore = new Set() } = {}) {
  const started = now();
  let last;
  for (let attempt = 1; ; attempt++) {
    const r = await run('node', [verifyCli(), '--json'], { cwd: path.join(ROOT, 'api-gateway'), timeoutMs: 180_000 });
    try { last = JSON.parse(r.stdout.trim().split('\n').pop()); } catch { last = { error: (r.stderr || r.stdout).slice(-400) }; }
    const raw = last.drift ? Object.values(last.drift).reduce((a, b) => a + b, 0) : undefined;
    const sample = (last.sample || []).filter((s) => !ignore.has(s.id));
    const drift = raw === undefined ? undefined : raw - ((last.sample || []).length - sample.length);
    if (drift === 0) return { ok: true, drift: 0, attempts: attempt, ms: now() - started, report: last, violations: [] };
    if (now() - started > timeoutMs) {
      const complete = raw === (last.sample || []).length; // the sample lists every drifting id
      if (owned && complete && !process.env.FAULTS_STRICT && sample.every((s) => !owned.has(s.id))) {
        return { ok: true, drift: 0, foreign: sample, attempts: attempt, ms: now() - started, report: last, violations: [] };
      }
      return { ok: false, drift, attempts: attempt, ms: now() - started, report: last,
        violations: [`verify-index: drift ${drift ?? 'unknown'} after ${Math.round((now() - started) / 1000)} s (${JSON.stringify(last.drift ?? last.error)}; sample ${JSON.stringify(sample.slice(0, 5))})`] };
    }
    await sleep(3000);
  }
}

/**
 * No stale state through the cached read paths: GET /api/products/:id and /by-slug/:slug (Redis
 * detail cache) and the category listing (Redis list cache over the index) must match PostgreSQL
 * for price, stock and deleted/draft state. Each URL is read twice (miss, then hit).
 */
export async function cachedPaths(pool, ids, leaves) {
  const violations = [];
  const { rows } = await pool.query(
    `SELECT p.id, p.slug, p.price::float8 AS price, (p.deleted_at IS NOT NULL OR p.status <> 'active') AS hidden,
            COALESCE(i.on_hand - i.reserved, 0) AS stock
     FROM products p LEFT JOIN inventory i ON i.product_id = p.id WHERE p.id = ANY($1::bigint[])`, [ids]);
  const truth = new Map(rows.map((r) => [Number(r.id), r]));
  let checked = 0;
  const one = async (id) => {
    const t = truth.get(id);
    for (let pass = 0; pass < 2; pass++) {
      const urls = [`${URLS.gateway}/api/products/${id}`];
      if (t) urls.push(`${URLS.gateway}/api/products/by-slug/${t.slug}`);
      for (const url of urls) {
        const r = await http(url, { timeoutMs: 5000 });
        checked++;
        if (!t || t.hidden) {
          if (r.status !== 404) violations.push(`${url}: ${!t ? 'deleted' : 'hidden'} product answered ${r.status} (cache ${r.headers.get('x-cache')})`);
        } else if (r.status !== 200) violations.push(`${url}: ${r.status} for a visible product`);
        else if (Number(r.body.price) !== t.price || Number(r.body.stock) !== Number(t.stock)) {
          violations.push(`${url}: price ${r.body.price}/stock ${r.body.stock}, PostgreSQL ${t.price}/${t.stock} (cache ${r.headers.get('x-cache')})`);
        }
      }
    }
  };
  for (let i = 0; i < ids.length; i += 16) await Promise.all(ids.slice(i, i + 16).map(one));

  // the list cache: every suite leaf category, all pages, vs PostgreSQL
  for (const leaf of leaves) {
    const { rows: visible } = await pool.query(
      `SELECT p.id, p.price::float8 AS price, COALESCE(i.on_hand - i.reserved, 0) AS stock FROM products p
       LEFT JOIN inventory i ON i.product_id = p.id WHERE p.category_id = $1 AND p.deleted_at IS NULL AND p.status = 'active'`, [leaf]);
    const want = new Map(visible.map((r) => [Number(r.id), r]));
    const seen = new Set();
    for (let pass = 0; pass < 2; pass++) {
      let cursor;
      for (let page = 0; page < 50; page++) {
        const qs = new URLSearchParams({ category: String(leaf), pageSize: '100' });
        if (cursor) qs.set('cursor', cursor);
        const r = await http(`${URLS.gateway}/api/products?${qs}`, { timeoutMs: 8000 });
        checked++;
        if (r.status !== 200) { violations.push(`list category ${leaf}: ${r.status}`); break; }
        if (pass === 0 && page === 0 && r.body.total !== want.size) violations.push(`list category ${leaf}: total ${r.body.total}, PostgreSQL ${want.size} visible (cache ${r.headers.get('x-cache')})`);
        for (const item of r.body.items) {
          const w = want.get(Number(item.id));
          if (!w) violations.push(`list category ${leaf}: product ${item.id} listed but hidden/deleted/moved in PostgreSQL`);
          else if (Number(item.price) !== w.price || Number(item.stock) !== Number(w.stock)) violations.push(`list category ${leaf}: product ${item.id} price ${item.price}/stock ${item.stock}, PostgreSQL ${w.price}/${w.stock}`);
          if (pass === 0) seen.add(Number(item.id));
        }
        cursor = r.body.nextCursor;
        if (!cursor) break;
      }
    }
    for (const id of want.keys()) if (!seen.has(id)) violations.push(`list category ${leaf}: visible product ${id} missing`);
  }
  return { ok: violations.length === 0, checked, violations: violations.slice(0, 30), violationCount: violations.length };
}

async function maildevFor(prefix) {
  const r = await http(`${URLS.maildev}/email`, { timeoutMs: 30_000 });
  if (r.status !== 200 || !Array.isArray(r.body)) throw new Error(`maildev /email answered ${r.status}`);
  return r.body.filter((m) => (m.to || []).some((t) => String(t.address).startsWith(prefix)));
}

/** Deletes the suite buyers' emails from maildev (keeps the mail catcher small for everyone). */
export async function clearBuyerMail() {
  const mails = await maildevFor('faults-b4-').catch(() => []);
  for (let i = 0; i < mails.length; i += 16) {
    await Promise.all(mails.slice(i, i + 16).map((m) => http(`${URLS.maildev}/email/${m.id}`, { method: 'DELETE', timeoutMs: 5000 })));
  }
  return mails.length;
}

/**
 * Order invariants for one scenario's buyers (`keys` of the Buyers load) and its hot SKUs.
 * settleMs: how long pending orders may take to settle or be released (reaper).
 */
export async function orderInvariants(pool, buyersLoad, hot, { sinceOrderId, settleMs = 60_000 }) {
  const violations = [];
  const userIds = [...new Set(buyersLoad.buyers.map((b) => b.userId))];
  const hotIds = hot.map((h) => h.id);
  const ordersOf = () => pool.query(
    `SELECT o.id, o.number, o.user_id, o.status, o.idempotency_key, o.reserved_until < now() AS expired
     FROM orders o WHERE o.id > $1 AND o.user_id = ANY($2::bigint[])
       AND EXISTS (SELECT 1 FROM order_items it WHERE it.order_id = o.id AND it.product_id = ANY($3::bigint[]))`,
    [sinceOrderId, userIds, hotIds]);

  // 1. settle: no pending order of ours is left (the reaper releases crashed reservations)
  let orders;
  const started = now();
  for (;;) {
    orders = (await ordersOf()).rows;
    if (!orders.some((o) => o.status === 'pending') || now() - started > settleMs) break;
    await sleep(1000);
  }
  const settledMs = now() - started;
  const byId = new Map(orders.map((o) => [Number(o.id), o]));
  const pending = orders.filter((o) => o.status === 'pending');
  for (const o of pending) violations.push(`order ${o.number} still pending after ${Math.round(settleMs / 1000)} s (reservation ${o.expired ? 'expired, not released by the reaper' : 'live'})`);

  // 2. every order acknowledged with 201 exists, belongs to the buyer and is paid; one order per key
  let acknowledged = 0;
  for (const [key, rec] of buyersLoad.keys) {
    if (!rec.orderIds.size) continue;
    acknowledged++;
    if (rec.orderIds.size > 1) violations.push(`Idempotency-Key ${key}: two different orders acknowledged (${[...rec.orderIds].join(', ')})`);
    if (!rec.replayedOk) violations.push(`Idempotency-Key ${key}: a replay answered 201 without Idempotent-Replayed`);
    for (const id of rec.orderIds) {
      const o = byId.get(id);
      if (!o) violations.push(`order ${id} acknowledged with 201 but not in PostgreSQL`);
      else if (Number(o.user_id) !== rec.userId) violations.push(`order ${id} acknowledged to user ${rec.userId} belongs to ${o.user_id}`);
      else if (o.status !== 'paid') violations.push(`order ${o.number} acknowledged with 201 is ${o.status}`);
      else if (o.idempotency_key !== key) violations.push(`order ${o.number}: key ${o.idempotency_key}, acknowledged for ${key}`);
    }
  }
  const { rows: dupKeys } = await pool.query(
    `SELECT user_id, idempotency_key, count(*) AS n FROM orders WHERE id > $1 AND user_id = ANY($2::bigint[]) GROUP BY 1, 2 HAVING count(*) > 1`, [sinceOrderId, userIds]);
  for (const d of dupKeys) violations.push(`${d.n} orders for one Idempotency-Key (${d.idempotency_key}) of user ${d.user_id}`);

  // 3. payments: at most one charge per order; a paid order has a succeeded payment
  const ids = orders.map((o) => Number(o.id));
  const { rows: pays } = await pool.query(
    `SELECT order_id, count(*) AS n, count(*) FILTER (WHERE status = 'succeeded') AS ok FROM payments WHERE order_id = ANY($1::bigint[]) GROUP BY 1`, [ids]);
  const payBy = new Map(pays.map((p) => [Number(p.order_id), p]));
  for (const o of orders) {
    const p = payBy.get(Number(o.id));
    if (p && Number(p.n) > 1) violations.push(`order ${o.number}: ${p.n} payment rows (double charge)`);
    if (o.status === 'paid' && (!p || Number(p.ok) !== 1)) violations.push(`order ${o.number} is paid without exactly one succeeded payment`);
  }

  // 4. stock: never negative, reserved back to 0, on_hand = initial - sold
  const { rows: inv } = await pool.query(
    `SELECT i.product_id, i.on_hand, i.reserved,
            COALESCE((SELECT sum(it.quantity) FROM order_items it JOIN orders o ON o.id = it.order_id
                      WHERE it.product_id = i.product_id AND o.status IN ('paid', 'shipped', 'delivered')), 0) AS sold
     FROM inventory i WHERE i.product_id = ANY($1::bigint[])`, [hotIds]);
  for (const r of inv) {
    const h = hot.find((x) => x.id === Number(r.product_id));
    if (r.on_hand < 0 || r.reserved < 0) violations.push(`${h.sku}: negative stock (on_hand ${r.on_hand}, reserved ${r.reserved})`);
    if (r.reserved !== 0 && !pending.length) violations.push(`${h.sku}: reserved ${r.reserved} with no pending order`);
    if (r.on_hand !== h.stock - Number(r.sold)) violations.push(`${h.sku}: on_hand ${r.on_hand} but ${h.stock} - ${r.sold} sold = ${h.stock - Number(r.sold)} (oversell or lost sale)`);
  }

  // 5. one confirmation email per paid order, none for the others (maildev's API)
  const paid = orders.filter((o) => o.status === 'paid');
  let mails = [];
  const mailStarted = now();
  const count = (number) => mails.filter((m) => String(m.subject) === `Order ${number} confirmed`).length;
  for (;;) {
    mails = await maildevFor('faults-b4-');
    if (paid.every((o) => count(o.number) >= 1) || now() - mailStarted > (process.env.FAULTS_MAIL_WAIT_S || 60) * 1000) break;
    await sleep(2000);
  }
  await sleep(1500); // a duplicate delivered just behind the first one must be seen too
  mails = await maildevFor('faults-b4-');
  let emailed = 0;
  for (const o of paid) {
    const n = count(o.number);
    if (n === 1) emailed++;
    else if (n === 0) violations.push(`paid order ${o.number}: no confirmation email after ${Math.round((now() - mailStarted) / 1000)} s`);
    else violations.push(`paid order ${o.number}: ${n} confirmation emails (duplicate side effect)`);
  }
  for (const o of orders.filter((x) => x.status !== 'paid')) {
    if (count(o.number) > 0) violations.push(`${o.status} order ${o.number} got a confirmation email`);
  }

  const statusCounts = {};
  for (const o of orders) statusCounts[o.status] = (statusCounts[o.status] || 0) + 1;
  return {
    ok: violations.length === 0, violations: violations.slice(0, 40), violationCount: violations.length,
    orders: orders.length, acknowledged, paid: paid.length, emailed, statusCounts, settledMs,
  };
}
