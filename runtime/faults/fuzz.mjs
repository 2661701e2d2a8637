// Hostile-input sweep generated from the gateway's OpenAPI document (/api/docs-json): every public
// endpoint's path/query parameters and JSON bodies get wrong types, huge strings, unicode edge
// cases and injection strings (SQL, the Elasticsearch query DSL); every admin and service route
// (gateway and the admin's /admin/api) is tried with no token, a customer token, an expired token
// and a wrong API key. Violations: any 5xx (or a dropped connection), any data changed by the
// read-only part, any admin/service route answering other than 401/403 to those credentials.
import { URLS, http, log, round } from './lib.mjs';

const MARK = 'fz7q';
const STRINGS = [
  '', ' ', 'abc', '-1', '0', '1.5', '1e309', '99999999999999999999999', 'NaN', 'true', 'null', '[]', '{}',
  'a'.repeat(5000), `${MARK}${'é'.repeat(3000)}`,
  '\u0000', `${MARK}\u0000x`, '\uFFFF', '𝕏🙂👩‍👩‍👧', 'e\u0301\u0301\u0301', '\u202Eevil\u202C', 'İıǅß', '\uFF21\uFF22', '\u200B\u200D', '%00', '%', '%zz', '../../etc/passwd',
  `${MARK}' OR '1'='1`, `1; DROP TABLE products; --`, `1' UNION SELECT password_hash FROM users--`, `$$; SELECT pg_sleep(5); $$`, `${MARK}\\'; --`,
  `{"query":{"match_all":{}}}`, '*', '*:*', 'name:* OR sku:*', '/.*/', '(((((((', 'a~100000', '"unterminated', `{"script":{"source":"Math.pow(9,9)"}}`, '\\', 'size=10000&from=100000',
];
const RAW_PATH = ['%ED%A0%80', '%FF%FE', '%C0%AE%C0%AE', '..%2F..%2Fetc%2Fpasswd', '%00', '1%0A2'];
const WRONG = {
  string: [123, -1, 1.5, true, null, [], {}, ['a'], 'a'.repeat(100_000), `${MARK}\u0000`, `${MARK}' OR 1=1 --`, '𝕏🙂', '\uD800'],
  number: ['abc', '1', -1, 0, 1.5, 1e308, -1e308, 2 ** 63, null, true, [], {}, 'NaN'],
  integer: ['abc', '1', -1, 0, 1.5, 1e308, 2 ** 53 + 1, null, true, [], {}],
  boolean: ['true', 1, 0, null, 'yes', [], {}],
  array: [{}, 'x', 1, null, Array.from({ length: 10_000 }, () => 1), [null], [[[[[]]]]], ['x']],
  object: ['x', 1, [], null, true, JSON.parse(`{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}`)],
};

const ADMIN_ROUTES_LARAVEL = [
  ['GET', '/admin/api/products'], ['POST', '/admin/api/products'], ['GET', '/admin/api/products/1'], ['PUT', '/admin/api/products/1'],
  ['DELETE', '/admin/api/products/1'], ['POST', '/admin/api/products/1/restore'], ['GET', '/admin/api/categories'], ['POST', '/admin/api/categories'],
  ['PUT', '/admin/api/categories/1'], ['POST', '/admin/api/imports'], ['GET', '/admin/api/imports/1'],
];
/** Routes of the gateway that need an admin or a service key (from the OpenAPI paths). */
const isAdminRoute = (method, p) => p.startsWith('/api/ops/') || (p.startsWith('/api/products') && ['POST', 'PUT'].includes(method))
  || (p === '/api/orders/{id}/status') || p === '/api/orders/state-machine';
const isCustomerRoute = (method, p) => p.startsWith('/api/orders') || ['/api/auth/me', '/api/auth/logout'].includes(p);

function resolve(doc, schema, depth = 0) {
  if (!schema || depth > 6) return schema || {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()], depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => resolve(doc, s, depth + 1)));
  return schema;
}

/** A plausible valid value for a schema (so that one field at a time is hostile). */
function sample(doc, schema, depth = 0) {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'integer': case 'number': return 1;
    case 'boolean': return true;
    case 'array': return depth > 3 ? [] : [sample(doc, s.items, depth + 1)];
    case 'object': return depth > 3 ? {} : Object.fromEntries(Object.entries(s.properties || {}).map(([k, v]) => [k, sample(doc, v, depth + 1)]));
    default: return s.format === 'email' ? 'someone@example.com' : 'text';
  }
}

/** Body variants: the valid sample with one (possibly nested) field replaced by each wrong value, plus whole-body attacks. */
function* bodies(doc, schema) {
  const s = resolve(doc, schema);
  const base = sample(doc, s);
  const fields = [];
  const walk = (sch, p, depth) => {
    const r = resolve(doc, sch);
    for (const [k, v] of Object.entries(r.properties || {})) {
      const rv = resolve(doc, v);
      fields.push({ path: [...p, k], type: rv.type || (rv.properties ? 'object' : 'string') });
      if (depth < 2 && rv.type === 'object') walk(rv, [...p, k], depth + 1);
      if (depth < 2 && rv.type === 'array' && resolve(doc, rv.items).properties) walk(resolve(doc, rv.items), [...p, k, 0], depth + 1);
    }
  };
  walk(s, [], 0);
  for (const f of fields) {
    for (const value of [...(WRONG[f.type] || WRONG.string), ...(f.type === 'string' ? STRINGS.slice(13, 40) : [])]) {
      const body = structuredClone(base);
      let o = body;
      for (const k of f.path.slice(0, -1)) o = o?.[k];
      if (o && typeof o === 'object') o[f.path.at(-1)] = value;
      yield { label: `${f.path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`, body: JSON.stringify(body) };
    }
  }
  yield* [
    { label: 'not json', body: 'not json at all' }, { label: 'truncated', body: '{"a":' }, { label: 'array', body: '[]' }, { label: 'null', body: 'null' },
    { label: 'deep nesting', body: '['.repeat(50_000) + ']'.repeat(50_000) }, { label: 'deep object', body: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) },
    { label: 'proto pollution', body: `{"__proto__":{"role":"admin","isAdmin":true},"constructor":{"prototype":{"polluted":"${MARK}"}}}` },
    { label: '2 MB', body: JSON.stringify({ x: 'a'.repeat(2_000_000) }) }, { label: 'unknown fields', body: JSON.stringify({ ...base, [`${MARK}extra`]: 1 }) },
  ];
}

/** Table fingerprints (per-row md5) to prove the read-only requests changed nothing. */
async function snapshot(pool) {
  const tables = { products: 'id', inventory: 'product_id', categories: 'id', brands: 'id', users: 'id', orders: 'id', payments: 'id', api_keys: 'id' };
  const out = {};
  for (const [t, key] of Object.entries(tables)) {
    const { rows } = await pool.query(`SELECT ${key}::text AS k, md5(t::text) AS h FROM ${t} t`);
    out[t] = new Map(rows.map((r) => [r.k, r.h]));
  }
  return out;
}
function diff(a, b) {
  const changed = {};
  for (const t of Object.keys(a)) {
    const ids = [];
    for (const [k, h] of b[t]) if (a[t].get(k) !== h) ids.push(k);
    for (const k of a[t].keys()) if (!b[t].has(k)) ids.push(k);
    if (ids.length) changed[t] = ids;
  }
  return changed;
}

export async function fuzzSweep(pool, { mode, tokens, buyer }) {
  log('=== hostile-input sweep from /api/docs-json');
  const docRes = await http(`${URLS.gateway}/api/docs-json`);
  if (docRes.status !== 200) return { ok: false, violations: [`/api/docs-json answered ${docRes.status}`] };
  const doc = docRes.body;
  const statuses = {};
  const violations = [];
  let sent = 0, ipSeq = 0;
  const usedIds = new Set();
  const every = mode === 'full' ? 1 : 4; // the CI form sends every fourth value
  const send = async (method, url, { body, headers = {}, label, expect } = {}) => {
    const ip = `10.88.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`; // one client address per request: the sweep tests validation, not the rate limits
    const r = await http(url, { method, body, headers: { 'x-forwarded-for': ip, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, timeoutMs: 20_000, json: true });
    sent++;
    statuses[r.status] = (statuses[r.status] || 0) + 1;
    if (r.status === 0 || r.status >= 500) violations.push(`${method} ${url.replace(URLS.nginx, '').slice(0, 140)} [${label}] -> ${r.status || r.error}`);
    else if (expect && !expect.includes(r.status)) violations.push(`${method} ${url.replace(URLS.nginx, '').slice(0, 140)} [${label}] -> ${r.status}, expected ${expect.join('/')}`);
    return r;
  };
  const pool8 = async (jobs) => { const q = [...jobs]; await Promise.all(Array.from({ length: 8 }, async () => { while (q.length) await q.shift()(); })); };
  const customer = { authorization: `Bearer ${buyer.token}` };

  // 1. read endpoints (GET), public and the customer's own: parameters only; data must not change
  const before = await snapshot(pool);
  const readJobs = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (!op || isAdminRoute('GET', p)) continue;
    const params = (op.parameters || []).filter((x) => x.in === 'query' || x.in === 'path');
    const pathParams = params.filter((x) => x.in === 'path');
    const fill = (v) => pathParams.reduce((acc, pp) => acc.replace(`{${pp.name}}`, v), p);
    const headers = isCustomerRoute('GET', p) ? customer : {};
    const valid = fill(pathParams.length ? '1' : '');
    STRINGS.forEach((v, i) => {
      if (i % every) return;
      if (pathParams.length) { readJobs.push(() => send('GET', `${URLS.nginx}${fill(encodeURIComponent(v))}`, { headers, label: 'path' })); }
      for (const q of params.filter((x) => x.in === 'query')) {
        const name = q.name === 'attr.<name>' ? 'attr.color' : q.name;
        readJobs.push(() => send('GET', `${URLS.nginx}${valid}?${name}=${encodeURIComponent(v)}`, { headers, label: name }));
        readJobs.push(() => send('GET', `${URLS.nginx}${valid}?${name}=${encodeURIComponent(v)}&${name}=${encodeURIComponent(v)}`, { headers, label: `${name}[]` }));
      }
    });
    if (pathParams.length) for (const raw of RAW_PATH) readJobs.push(() => send('GET', `${URLS.nginx}${fill(raw)}`, { headers, label: 'raw path' }));
    readJobs.push(() => send('GET', `${URLS.nginx}${valid}?${MARK}unknown=1&__proto__[x]=1&constructor[prototype][y]=1`, { headers, label: 'unknown/proto params' }));
    usedIds.add('1');
  }
  await pool8(readJobs);
  const changed = diff(before, await snapshot(pool));
  const readSent = sent;
  // a change is ours if it touches an id the sweep named or carries the sweep's marker; anything else is another engineer's work
  const ours = {};
  for (const [t, ids] of Object.entries(changed)) {
    for (const id of ids) {
      const { rows } = await pool.query(`SELECT t::text AS row FROM ${t} t WHERE ${t === 'inventory' ? 'product_id' : 'id'} = $1`, [id]);
      if (usedIds.has(id) || rows.some((r) => r.row.includes(MARK))) (ours[t] ||= []).push(id);
    }
  }
  for (const [t, ids] of Object.entries(ours)) violations.push(`read-only requests changed ${t} rows ${ids.slice(0, 10).join(', ')}`);

  // 2. write endpoints open to the public or a customer: bodies and parameters
  const writeJobs = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const M = method.toUpperCase();
      if (M === 'GET' || isAdminRoute(M, p)) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const url = `${URLS.nginx}${p.replace(/\{[^}]+\}/g, '1')}`;
      const headers = isCustomerRoute(M, p) ? { ...customer, 'idempotency-key': crypto.randomUUID() } : {};
      let i = 0;
      if (schema) for (const b of bodies(doc, schema)) if (i++ % every === 0) writeJobs.push(() => send(M, url, { body: b.body, headers: { ...headers, 'idempotency-key': crypto.randomUUID(), ...(isCustomerRoute(M, p) ? customer : {}) }, label: b.label }));
      if (p === '/api/orders' && M === 'POST') {
        for (const k of ['', 'short', 'x'.repeat(300), '\u0000abcdefgh', `${MARK}' OR 1=1 --`, '𝕏🙂🙂🙂🙂🙂']) {
          writeJobs.push(() => send(M, url, { body: JSON.stringify(sample(doc, schema)), headers: { ...customer, 'idempotency-key': encodeURIComponent(k) }, label: `Idempotency-Key=${k.slice(0, 20)}` }));
        }
      }
    }
  }
  const ordersBefore = Number((await pool.query(`SELECT count(*) AS n FROM orders WHERE user_id = $1`, [buyer.userId])).rows[0].n);
  await pool8(writeJobs);
  const ordersAfter = Number((await pool.query(`SELECT count(*) AS n FROM orders WHERE user_id = $1`, [buyer.userId])).rows[0].n);
  const ordersFromFuzz = ordersAfter - ordersBefore; // a valid sample body may legitimately place an order: reported

  // 3. admin and service routes: no token, customer token, expired admin token, wrong API key -> 401/403 only
  const creds = {
    'no token': {}, 'customer token': customer, 'expired admin token': { authorization: `Bearer ${tokens.admin}` },
    'wrong API key': { 'x-api-key': `cpk_${'x'.repeat(40)}` }, 'wrong API key + expired token': { 'x-api-key': 'cpk_wrong', authorization: `Bearer ${tokens.admin}` },
  };
  const adminRoutes = [...ADMIN_ROUTES_LARAVEL];
  for (const [p, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) if (isAdminRoute(m.toUpperCase(), p)) adminRoutes.push([m.toUpperCase(), p.replace(/\{[^}]+\}/g, '1')]);
  const authJobs = [];
  let authChecks = 0;
  for (const [m, p] of adminRoutes) {
    for (const [label, h] of Object.entries(creds)) {
      authChecks++;
      authJobs.push(() => send(m, `${URLS.nginx}${p}`, { headers: { accept: 'application/json', ...h }, body: ['POST', 'PUT', 'PATCH'].includes(m) ? '{}' : undefined, label, expect: [401, 403] }));
    }
  }
  // the customer's own routes refuse an expired customer token
  for (const p of ['/api/orders', '/api/auth/me']) {
    authChecks++;
    authJobs.push(() => send('GET', `${URLS.nginx}${p}`, { headers: { authorization: `Bearer ${tokens.customer}` }, label: 'expired customer token', expect: [401] }));
  }
  await pool8(authJobs);

  const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
  log(`  sweep: ${sent} requests over ${operations} operations (${readSent} read-only), statuses ${JSON.stringify(statuses)}, auth checks ${authChecks}, violations ${violations.length}`);
  return {
    ok: violations.length === 0, sent, readSent, operations, statuses, authChecks, adminRoutes: adminRoutes.length,
    foreignChanges: Object.fromEntries(Object.entries(changed).map(([t, ids]) => [t, ids.length])), ordersFromFuzz,
    violations: violations.slice(0, 50), violationCount: violations.length, every, round: round(0),
  };
}
