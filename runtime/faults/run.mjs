// The fault suite's runner: `node runtime/faults/run.mjs [--ci] [--only a,b] [--skip-soak] [--skip-wal] [--skip-fuzz]`
// (wrapped by runtime/faults/run.sh: `make test-faults` = full, `make test` = --ci).
// For every scenario: load (catalog writes, searches, orders) -> fault -> heal -> recovery probe ->
// platform restored -> invariants. Then WAL retention, soak, hostile-input sweep. Writes
// .platform/faults/last-<mode>.json; the full run also writes docs/reliability.md. Exit 1 on any violation.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, STATE, URLS, env, http, log, now, percentile, pgPool, platform, platformUp, readPid, round, setFlag, sleep, spawnGatewayProcess, until } from './lib.mjs';
import { BUYER_PASSWORD, Buyers, CatalogWriter, Searchers, createAdminKey, createHotSkus, ensureCatalogFixtures, prepareBuyers, revokeAdminKey } from './load.mjs';
import { cachedPaths, clearBuyerMail, orderInvariants, probeVisible, verifyIndex } from './checks.mjs';
import { SCENARIOS } from './scenarios.mjs';
import { fuzzSweep } from './fuzz.mjs';
import { leaking, memoryTrend } from './memory.mjs';
import { appendix, writeReport } from './report.mjs';

const argv = process.argv.slice(2);
const mode = argv.includes('--ci') ? 'ci' : 'full';
const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const CI_SCENARIOS = ['indexer-kill9', 'redis-flush']; // es-restart: full run only; its degraded path has an e2e test
const P = mode === 'full'
  ? { rate: 200, adminRate: 20, searchC: 16, thinkMs: 500, warmupS: 6, afterS: 3, walS: 300, walEveryS: 10, soakS: 600, soakWarmupS: 60, soakMemEveryS: 15, soakBucketS: 60, soakC: 32, poolSize: 300, fuzz: 'full' }
  : { rate: 60, adminRate: 10, searchC: 8, thinkMs: 1000, warmupS: 3, afterS: 1, walS: 20, walEveryS: 5, soakS: 20, soakWarmupS: 0, soakMemEveryS: 5, soakBucketS: 5, soakC: 16, poolSize: 150, fuzz: 'ci' };
for (const k of Object.keys(P)) if (opt(k) !== undefined) P[k] = typeof P[k] === 'number' ? Number(opt(k)) : opt(k);
const only = opt('only')?.split(',');
const scenarios = SCENARIOS.filter((s) => (only ? only.includes(s.name) : mode === 'full' || CI_SCENARIOS.includes(s.name)));
const runId = `${new Date().toISOString().slice(5, 16).replace(/[-:T]/g, '')}${Math.random().toString(36).slice(2, 5)}`.toLowerCase();

const results = { runId, mode, params: P, startedAt: new Date().toISOString(), scenarios: [], wal: undefined, soak: undefined, fuzz: undefined, violations: 0 };
let pool, fx, adminKey, buyers, probeId;
let auxStop = async () => {};
const sharedProducts = new Map();
let seq = 0;

const statusHistogram = (xs) => { const h = {}; for (const x of xs) h[x.status] = (h[x.status] || 0) + 1; return h; };
const is5xx = (s) => s.status === 0 || s.status >= 500;
const maxOrderId = async () => Number((await pool.query('SELECT coalesce(max(id), 0) AS m FROM orders')).rows[0].m);

function newWriter(rate = P.rate) {
  const w = new CatalogWriter(pool, fx, { runId, rate, adminRate: P.adminRate, adminKey: adminKey?.key, poolSize: P.poolSize });
  w.products = sharedProducts;
  w.seq = seq;
  const sku = w.sku.bind(w);
  w.sku = () => { seq++; w.seq = seq; return sku(); };
  return w;
}

async function platformHealthy() {
  const checks = await Promise.all([
    http(`${URLS.gateway}/health/ready`, { timeoutMs: 3000 }), http(`${URLS.indexer}/health`, { timeoutMs: 3000 }),
    http(`${URLS.nginx}/health/live`, { timeoutMs: 3000 }), http(`${URLS.es}/_cluster/health`, { timeoutMs: 3000 }),
    http(`${URLS.connect}/connectors/commerce-catalog-postgres/status`, { timeoutMs: 3000 }),
  ]);
  return checks.every((c) => c.status === 200) && checks[4].body?.tasks?.[0]?.state === 'RUNNING';
}

async function setup() {
  if (mode === 'full' || !(await platformHealthy())) { log('platform up'); await platformUp(); }
  pool = await pgPool(8);
  fx = await ensureCatalogFixtures(pool);
  adminKey = await createAdminKey(runId);
  log(`run ${runId}: admin key ${adminKey.prefix}…, fixtures brand ${fx.brand}, leaves ${fx.leaves.join(',')}`);
  const auxPort = Number(process.env.FAULTS_AUTH_GATEWAY_PORT || 3013);
  const aux = spawnGatewayProcess('main.js', { GATEWAY_PORT: String(auxPort), GATEWAY_HOST: '127.0.0.1', BCRYPT_COST: '4', SEARCH_EVENTS_ENABLED: 'false' }, path.join(STATE, 'auth-gateway.log'));
  auxStop = () => aux.stop();
  await until('auth gateway ready', 90_000, async () => (await http(`http://127.0.0.1:${auxPort}/health/live`)).status === 200);
  buyers = await prepareBuyers(32, `http://127.0.0.1:${auxPort}`);
  log(`32 buyers signed in; ${await clearBuyerMail()} old buyer emails cleared`);
  probeId = (await createHotSkus(pool, fx, `${runId}-probe`, 1))[0].id;
  const w = newWriter();
  log(`seeded ${await w.seed(P.poolSize)} suite products; probe product ${probeId}`);
  await probeVisible(pool, probeId, 120_000);
  // ids drifting before the suite touched anything are not ours to judge (left by other work)
  const base = await verifyIndex({ timeoutMs: 0 });
  for (const x of base.report?.sample || []) baselineIgnore.add(x.id);
  if (base.drift) log(`drift before the suite started: ${base.drift} (ignored ids ${[...baselineIgnore].join(', ')})`);
}
const baselineIgnore = new Set();

/** Tokens for the auth matrix of the sweep that have expired by the time it runs (a gateway with a 30 s access-token TTL). */
async function expiredTokens() {
  const port = Number(process.env.FAULTS_TOKEN_GATEWAY_PORT || 3012);
  const gw = spawnGatewayProcess('main.js', { GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', JWT_ACCESS_TTL_SECONDS: '30', BCRYPT_COST: '4', SEARCH_EVENTS_ENABLED: 'false' }, path.join(STATE, 'token-gateway.log'));
  try {
    await until('token gateway ready', 60_000, async () => (await http(`http://127.0.0.1:${port}/health/live`)).status === 200);
    const login = async (email, password) => (await http(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'x-forwarded-for': '10.77.1.1' }, body: { email, password } })).body?.accessToken;
    return { admin: await login(env.ADMIN_EMAIL, env.ADMIN_PASSWORD), customer: await login(buyers[0].email, BUYER_PASSWORD), issuedAt: now() };
  } finally { await gw.stop(); }
}

async function runScenario(def) {
  const holdS = def.hold?.[mode];
  const res = { name: def.name, title: def.title.replace('{hold}', holdS ?? ''), notes: {}, violations: [] };
  const ctx = { mode, holdMs: (holdS ?? 0) * 1000, cleanups: [], note: (k, v) => { res.notes[k] = v; } };
  log(`=== ${def.name}: ${res.title}`);
  const hot = await createHotSkus(pool, fx, `${runId}-${def.name}`);
  const sinceOrderId = await maxOrderId();
  const writer = newWriter();
  const searchers = new Searchers({ concurrency: P.searchC, productIds: () => [...sharedProducts.keys()] });
  let buyersLoad;
  let restored = false;
  try {
    if (def.prepare) await def.prepare(ctx);
    if (!ctx.orderTarget && process.env.FAULTS_OWN_ORDER_GATEWAY) { // orders through a gateway built from FAULTS_GATEWAY_DIR (the break proof)
      const port = Number(process.env.FAULTS_ORDER_GATEWAY_PORT || 3010);
      const gw = spawnGatewayProcess('main.js', { GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', SEARCH_EVENTS_ENABLED: 'false' }, path.join(STATE, 'order-gateway.log'));
      ctx.cleanups.push(() => gw.stop());
      await until('own order gateway ready', 90_000, async () => (await http(`http://127.0.0.1:${port}/health/ready`)).status === 200);
      ctx.orderTarget = `http://127.0.0.1:${port}`;
    }
    buyersLoad = new Buyers(buyers, hot, { thinkMs: P.thinkMs, target: () => ctx.orderTarget || URLS.nginx });
    ctx.inflight = () => buyersLoad.inflight || 0;
    writer.start(); searchers.start(); buyersLoad.start();
    await sleep(P.warmupS * 1000);
    setFlag(true);
    res.faultAt = now();
    await def.inject(ctx);
    res.injectedMs = now() - res.faultAt;
    await def.heal(ctx);
    res.healedAt = now();
    try {
      await probeVisible(pool, probeId, 240_000);
      res.recoveredAt = now();
      res.recoveryMs = res.recoveredAt - res.faultAt;
      res.catchUpMs = res.recoveredAt - res.healedAt;
    } catch (err) {
      res.violations.push(`no recovery: ${err.message}`);
    }
    await sleep(P.afterS * 1000);
  } catch (err) {
    res.violations.push(`scenario failed: ${err.message}`);
    log(`  ${def.name} failed: ${err.stack}`);
  } finally {
    await Promise.all([writer.stop(), searchers.stop(), buyersLoad?.stop()]);
    for (const c of ctx.cleanups) await c().catch(() => {});
    res.restoreMs = await (mode === 'full' ? platformUp() : restoreIfDown(def.restore)).catch((err) => { res.violations.push(`platform not restored: ${err.message}`); return undefined; });
    restored = res.restoreMs !== undefined;
    if (restored) setFlag(false);
  }
  if (!restored) throw new Error(`${def.name}: the platform could not be restored; stopping the suite (${res.violations.join('; ')})`);

  // after recovery: the index, the cached read paths, the orders
  const end = res.recoveredAt ?? res.healedAt ?? now();
  const during = (s) => res.faultAt && s.t >= res.faultAt && s.t <= end;
  const v = await verifyIndex({ timeoutMs: 90_000, owned: ownedIds(), ignore: baselineIgnore });
  res.verify = { drift: v.drift, attempts: v.attempts, ms: v.ms, foreign: v.foreign };
  res.violations.push(...v.violations);
  const sample = [...sharedProducts.keys()].sort(() => Math.random() - 0.5).slice(0, mode === 'full' ? 120 : 60).concat(hot.map((h) => h.id));
  const c = await cachedPaths(pool, sample, fx.leaves);
  res.cache = { checked: c.checked, violations: c.violationCount };
  res.violations.push(...c.violations);
  const o = await orderInvariants(pool, buyersLoad, hot, { sinceOrderId, settleMs: def.settleMs ?? 45_000 });
  res.orders = { attempts: buyersLoad.attempts.length, statuses: statusHistogram(buyersLoad.attempts), ...o, violations: undefined };
  res.violations.push(...o.violations);
  await clearBuyerMail();

  const s = searchers.samples, sd = s.filter(during), a = buyersLoad.attempts, ad = a.filter(during);
  res.writes = { ...writer.stats, durationS: round((writer.timeline.at(-1)?.[0] - writer.timeline[0]?.[0]) / 1000, 1), errors: writer.errors.slice(0, 5) };
  res.writes.ratePerS = round(writer.stats.ok / Math.max(1, res.writes.durationS), 1);
  res.writesDuringFault = writer.timeline.filter(([t]) => t >= res.faultAt && t <= end).length;
  res.search = {
    total: s.length, statuses: statusHistogram(s), duringFault: sd.length, duringStatuses: statusHistogram(sd), during5xx: sd.filter(is5xx).length,
    p50: round(percentile(s.map((x) => x.ms), 50)), p99: round(percentile(s.map((x) => x.ms), 99)),
  };
  if (def.shopperView) {
    const deg = sd.filter((x) => x.degraded), lists = sd.filter((x) => x.kind === 'search');
    res.shopper = {
      searches: lists.length, statuses: statusHistogram(lists), degraded: deg.length, retryAfter: sd.filter((x) => x.retryAfter).length,
      p50: round(percentile(lists.map((x) => x.ms), 50)), p99: round(percentile(lists.map((x) => x.ms), 99)),
      degradedP50: round(percentile(deg.map((x) => x.ms), 50)), degradedP99: round(percentile(deg.map((x) => x.ms), 99)),
      okP50: round(percentile(lists.filter((x) => x.status === 200).map((x) => x.ms), 50)),
    };
  }
  res.orderHttp = { duringFault: ad.length, during5xx: ad.filter(is5xx).length };
  res.ok = res.violations.length === 0;
  log(`  ${def.name}: writes ${writer.stats.ok} (${res.writes.ratePerS}/s), recovery ${res.recoveryMs} ms, drift ${v.drift}, orders ${o.acknowledged} acked/${o.orders} checked, `
    + `search 5xx during fault ${res.search.during5xx}/${sd.length}, violations ${res.violations.length}`);
  for (const x of res.violations.slice(0, 10)) log(`  VIOLATION ${x}`);
  return res;
}

/** CI form: `platform.sh up <components>` only when `platform.sh status` shows a component down (the full run always runs `platform.sh up`). */
async function restoreIfDown(components) {
  const st = await platform('status');
  const downs = st.stdout.split('\n').filter((l) => /^\S+\s+down\b/.test(l));
  if (!downs.length && (await platformHealthy())) return 0;
  return platformUp(...components);
}

const ownedIds = () => new Set([...sharedProducts.keys(), probeId]);

async function walRetention() {
  log(`=== WAL retention: captured tables idle, other writes for ${P.walS} s`);
  await pool.query('DROP TABLE IF EXISTS faults_wal_noise');
  await pool.query('CREATE TABLE faults_wal_noise (id bigserial PRIMARY KEY, payload text NOT NULL)');
  const slot = async () => (await pool.query(
    `SELECT slot_name, active, wal_status, pg_current_wal_lsn() AS lsn,
            pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint AS retained,
            pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint AS unconfirmed
     FROM pg_replication_slots WHERE slot_name = 'commerce_catalog'`)).rows[0];
  const startLsn = (await pool.query('SELECT pg_current_wal_lsn() AS l')).rows[0].l;
  const samples = [];
  let running = true;
  const noise = (async () => {
    while (running) {
      await pool.query(`INSERT INTO faults_wal_noise (payload) SELECT repeat(md5(random()::text), 32) FROM generate_series(1, 50)`).catch(() => {});
      await pool.query(`DELETE FROM faults_wal_noise WHERE id < (SELECT max(id) - 2000 FROM faults_wal_noise)`).catch(() => {});
      await sleep(200);
    }
  })();
  const t0 = now();
  while (now() - t0 < P.walS * 1000) {
    const s = await slot();
    samples.push({ s: round((now() - t0) / 1000), active: s?.active, walStatus: s?.wal_status, retainedKB: round(Number(s?.retained) / 1024), unconfirmedKB: round(Number(s?.unconfirmed) / 1024),
      walWrittenKB: round(Number((await pool.query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint AS d', [startLsn])).rows[0].d) / 1024) });
    await sleep(P.walEveryS * 1000);
  }
  running = false; await noise;
  await pool.query('DROP TABLE IF EXISTS faults_wal_noise');
  const last = samples.at(-1), maxRetained = Math.max(...samples.map((x) => x.retainedKB));
  const violations = [];
  // bounded: the slot follows the WAL (heartbeat), so what it retains at the end is far below what was written
  if (mode === 'full' && last.walWrittenKB > 32 * 1024 && last.retainedKB > Math.max(32 * 1024, last.walWrittenKB / 2)) violations.push(`replication slot retains ${last.retainedKB} kB of ${last.walWrittenKB} kB written: not bounded`);
  if (samples.some((x) => !x.active)) violations.push('replication slot inactive during the WAL window');
  log(`  WAL: written ${last.walWrittenKB} kB, retained max ${maxRetained} kB, end ${last.retainedKB} kB`);
  return { samples, maxRetainedKB: maxRetained, endRetainedKB: last.retainedKB, walWrittenKB: last.walWrittenKB, violations, ok: violations.length === 0 };
}

function processTree() {
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try { const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').replace(/.*\) /, '').split(' ')[1]); if (!kids.has(ppid)) kids.set(ppid, []); kids.get(ppid).push(Number(d)); } catch { /* gone */ }
  }
  return kids;
}
function pssMb(root, kids) {
  let kb = 0;
  for (const pid of [root, ...(function* all(p) { for (const k of kids.get(p) || []) { yield k; yield* all(k); } })(root)]) {
    try { kb += Number(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)[1]); } catch { /* gone */ }
  }
  return round(kb / 1024);
}
function platformMemory() {
  const kids = processTree(), out = {};
  const pid = (f) => { try { return Number(fs.readFileSync(path.join(ROOT, '.platform', f), 'utf8').split('\n')[0].trim()) || undefined; } catch { return undefined; } };
  const roots = {
    postgres: pid('postgres/data/postmaster.pid'), redis: pid('redis/redis.pid'), kafka: pid('kafka/kafka.pid'), connect: pid('connect/connect.pid'),
    elasticsearch: pid('elasticsearch/elasticsearch.pid'), maildev: pid('maildev/maildev.pid'), 'php-fpm': pid('php-fpm/php-fpm.pid'), nginx: pid('nginx/master.pid'),
  };
  for (const n of ['api-gateway', 'indexer', 'order-worker', 'admin-worker', 'admin-echo', 'admin-broadcaster']) roots[n] = readPid(n);
  for (const [n, p] of Object.entries(roots)) if (p) out[n] = { pid: p, mb: pssMb(p, kids) };
  return out;
}

const LEAK_WATCHED = ['api-gateway', 'indexer', 'order-worker', 'admin-echo', 'maildev'];

async function soak() {
  log(`=== soak: ${P.soakWarmupS} s warm-up, then ${P.soakS} s of searches (concurrency ${P.soakC}), catalog writes and orders, no faults`);
  const hot = await createHotSkus(pool, fx, `${runId}-soak`);
  const sinceOrderId = await maxOrderId();
  const memStart = platformMemory();
  const writer = newWriter(), searchers = new Searchers({ concurrency: P.soakC, productIds: () => [...sharedProducts.keys()] });
  const b = new Buyers(buyers, hot, { thinkMs: P.thinkMs });
  const tw = now();
  writer.start(); searchers.start(); b.start();
  await sleep(P.soakWarmupS * 1000);
  const t0 = now();
  const memSeries = [];
  const sampleMem = () => memSeries.push({ s: round((now() - t0) / 1000), mem: platformMemory() });
  sampleMem();
  const memTimer = setInterval(sampleMem, P.soakMemEveryS * 1000);
  await sleep(P.soakS * 1000);
  clearInterval(memTimer);
  sampleMem();
  await Promise.all([writer.stop(), searchers.stop(), b.stop()]);
  const memEnd = platformMemory();
  const buckets = [];
  for (let i = 0; i * P.soakBucketS < P.soakS; i++) {
    const from = t0 + i * P.soakBucketS * 1000, to = from + P.soakBucketS * 1000;
    const s = searchers.samples.filter((x) => x.t >= from && x.t < to && x.kind === 'search');
    const all = searchers.samples.filter((x) => x.t >= from && x.t < to);
    const ord = b.attempts.filter((x) => x.t >= from && x.t < to);
    buckets.push({ from: i * P.soakBucketS, searches: s.length, rps: round(all.length / P.soakBucketS, 1), p50: round(percentile(s.map((x) => x.ms), 50)), p99: round(percentile(s.map((x) => x.ms), 99)),
      s5xx: all.filter(is5xx).length, orders: ord.length, o5xx: ord.filter(is5xx).length });
  }
  const warm = searchers.samples.filter((x) => x.t >= tw && x.t < t0);
  const warmup = { seconds: P.soakWarmupS, requests: warm.length, p99: round(percentile(warm.filter((x) => x.kind === 'search').map((x) => x.ms), 99)),
    s5xx: warm.filter(is5xx).length, o5xx: b.attempts.filter((x) => x.t >= tw && x.t < t0 && is5xx(x)).length };
  const violations = [];
  // every error counts, warm-up included: the warm-up only sets the memory baseline
  const failed = [...searchers.samples.filter(is5xx), ...b.attempts.filter(is5xx)];
  const n5xx = failed.length;
  if (n5xx) violations.push(`${n5xx} 5xx/network errors during the soak (${JSON.stringify(statusHistogram(failed))})`);
  const failures = failed.slice(0, 20).map((x) => ({ atS: round((x.t - t0) / 1000), status: x.status, ms: round(x.ms), error: x.error, rid: x.rid, url: x.url }));
  let drift;
  if (buckets.length >= 4) {
    const first = buckets.slice(1, 3).map((x) => x.p99), last = buckets.slice(-2).map((x) => x.p99);
    const f = Math.max(...first), l = Math.max(...last);
    drift = { firstP99: f, lastP99: l };
    if (mode === 'full' && l > 1.5 * f + 100) violations.push(`search p99 drifted up: ${f} ms in minutes 2-3, ${l} ms in the last two`);
  }
  const trend = memoryTrend(memSeries, P.soakS);
  const warmMem = memSeries[0]?.mem || {};
  const mem = {};
  for (const [n, st] of Object.entries(memStart)) {
    const e = memEnd[n];
    const restarted = !e || e.pid !== st.pid || memSeries.some((x) => x.mem[n]?.pid !== st.pid);
    mem[n] = { startMb: st.mb, warmMb: warmMem[n]?.mb, midMb: trend[n]?.midMb, lastMb: trend[n]?.lastMb, endMb: e?.mb, restarted };
    // app processes only: the JVMs and PostgreSQL grow into their configured heap/buffers by design
    if (mode === 'full' && !restarted && LEAK_WATCHED.includes(n) && leaking(trend[n])) {
      violations.push(`${n}: memory still growing in the second half of the soak: ${trend[n].midMb} MB at mid-soak -> ${trend[n].lastMb} MB at the end`);
    }
  }
  const memMinutes = memSeries.filter((x, i) => i === 0 || i === memSeries.length - 1 || x.s % 60 < P.soakMemEveryS)
    .map((x) => ({ s: x.s, mb: Object.fromEntries(LEAK_WATCHED.map((n) => [n, x.mem[n]?.mb])) }));
  const writerRes = { ...writer.stats, ratePerS: round(writer.stats.ok / P.soakS, 1) };
  await verifyIndex({ timeoutMs: 90_000, owned: ownedIds(), ignore: baselineIgnore }).then((v) => { if (mode === 'ci' || !v.ok) violations.push(...v.violations); });
  const o = await orderInvariants(pool, b, hot, { sinceOrderId, settleMs: 45_000 });
  violations.push(...o.violations);
  await clearBuyerMail();
  log(`  soak: ${searchers.samples.length} requests, writes ${writerRes.ratePerS}/s, orders ${o.acknowledged}, 5xx ${n5xx}, violations ${violations.length}`);
  return { buckets, warmup, mem, memMinutes, failures, writes: writerRes, orders: { acknowledged: o.acknowledged, checked: o.orders, paid: o.paid, emailed: o.emailed }, n5xx, drift, violations, ok: violations.length === 0 };
}

async function cleanup() {
  // the suite's products: deleted (those in orders are soft-deleted); fixtures (brand, categories) stay for the next run
  await pool.query(`UPDATE products SET deleted_at = now() WHERE sku LIKE 'faults-%' AND deleted_at IS NULL AND id IN (SELECT product_id FROM order_items)`).catch((e) => log(`cleanup: ${e.message}`));
  const del = await pool.query(`DELETE FROM products WHERE sku LIKE 'faults-%' AND id NOT IN (SELECT product_id FROM order_items)`).catch((e) => { log(`cleanup: ${e.message}`); return { rowCount: 0 }; });
  log(`cleanup: ${del.rowCount} suite products deleted`);
  await revokeAdminKey(adminKey);
}

/** Full run: results and docs/reliability.md are rewritten after every phase (a cut-short run still leaves its figures, marked incomplete). */
function progress(final = false) {
  if (mode !== 'full' || only || process.env.FAULTS_NO_REPORT) return;
  const all = [...results.scenarios.flatMap((s) => s.violations), ...(results.wal?.violations || []), ...(results.soak?.violations || []), ...(results.fuzz?.violations || [])];
  const r = final ? results : { ...results, violations: all.length, violationList: all.slice(0, 100), finishedAt: `(in progress: ${new Date().toISOString()})`, durationS: (Date.now() - Date.parse(results.startedAt)) / 1000 };
  fs.writeFileSync(path.join(STATE, `last-${mode}.json`), JSON.stringify(r, null, 1));
  writeReport(r, path.join(ROOT, 'docs/reliability.md'), {
    appendix: appendix(),
    preamble: final ? '' : '**This run was cut short or is still running: the sections below hold what it measured so far.**',
  });
}

async function main() {
  let fatal;
  const t0 = now();
  try {
    await setup();
    const tokensP = argv.includes('--skip-fuzz') ? undefined : expiredTokens();
    tokensP?.catch(() => {});
    const sweep = async () => {
      const tokens = tokensP && (await tokensP.catch(() => expiredTokens()));
      if (!tokens) return;
      if (!tokens.admin || !tokens.customer) throw new Error('could not get the tokens for the auth matrix');
      const waitMs = tokens.issuedAt + 32_000 - now();
      if (waitMs > 0) await sleep(waitMs);
      results.fuzz = await fuzzSweep(pool, { mode, tokens, buyer: buyers[1] });
      progress();
    };
    if (mode === 'full') await sweep(); // first: the longest phases come last
    for (const def of scenarios) { results.scenarios.push(await runScenario(def)); progress(); }
    if (!argv.includes('--skip-wal')) { results.wal = await walRetention(); progress(); }
    if (!argv.includes('--skip-soak')) { results.soak = await soak(); progress(); }
    if (mode !== 'full') await sweep();
  } catch (err) {
    fatal = err;
    log(`FATAL ${err.stack}`);
  } finally {
    await auxStop().catch(() => {});
    try { await (mode === 'full' ? platformUp() : restoreIfDown([])); } catch (err) { fatal ??= err; log(`platform up failed: ${err.message}`); }
    setFlag(false);
    if (pool) await cleanup().catch((e) => log(`cleanup failed: ${e.message}`));
  }
  const all = [...results.scenarios.flatMap((s) => s.violations), ...(results.wal?.violations || []), ...(results.soak?.violations || []), ...(results.fuzz?.violations || [])];
  if (fatal) all.push(`suite error: ${fatal.message}`);
  results.violations = all.length;
  results.violationList = all.slice(0, 100);
  results.durationS = round((now() - t0) / 1000);
  results.finishedAt = new Date().toISOString();
  let file = path.join(STATE, `last-${mode}.json`);
  if (process.env.FAULTS_MERGE && only && mode === 'full') {
    // re-run of some scenarios merged into the last full run (its report is regenerated, the merge is recorded)
    const last = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const sc of results.scenarios) {
      const i = last.scenarios.findIndex((x) => x.name === sc.name);
      sc.rerun = `re-run ${results.runId} at ${results.startedAt}`;
      if (i >= 0) last.scenarios[i] = sc; else last.scenarios.push(sc);
    }
    last.scenarios.sort((a, b) => SCENARIOS.findIndex((x) => x.name === a.name) - SCENARIOS.findIndex((x) => x.name === b.name));
    const phases = ['wal', 'soak', 'fuzz'].filter((k) => results[k]);
    for (const k of phases) last[k] = { ...results[k], rerun: `re-run ${results.runId} at ${results.startedAt}` };
    last.merged = [...(last.merged || []), `${[...results.scenarios.map((x) => x.name), ...phases].join(', ')} re-run as ${results.runId} (${results.startedAt})`];
    const allv = [...last.scenarios.flatMap((x) => x.violations), ...(last.wal?.violations || []), ...(last.soak?.violations || []), ...(last.fuzz?.violations || [])];
    last.violations = allv.length; last.violationList = allv.slice(0, 100);
    fs.writeFileSync(file, JSON.stringify(last, null, 1));
    writeReport(last, path.join(ROOT, 'docs/reliability.md'), { appendix: appendix() });
    file = path.join(STATE, `last-${mode}-rerun.json`);
  }
  fs.writeFileSync(file, JSON.stringify(results, null, 1));
  progress(true);
  const resultsDir = process.env.FAULTS_RESULTS_DIR;
  if (resultsDir) {
    const units = [...results.scenarios.map((s) => s.ok), results.wal?.ok, results.soak?.ok, results.fuzz?.ok].filter((x) => x !== undefined);
    fs.writeFileSync(path.join(resultsDir, 'faults.count'), `${units.filter(Boolean).length} ${units.filter((x) => !x).length + (fatal ? 1 : 0)}\n`);
  }
  log(`done in ${results.durationS} s: ${all.length} violation(s); results ${path.relative(ROOT, file)}`);
  for (const v of all.slice(0, 30)) log(`  VIOLATION ${v}`);
  await pool?.end().catch(() => {});
  process.exit(all.length ? 1 : 0);
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { setFlag(false); process.exit(130); });
main();
