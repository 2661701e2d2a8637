#!/usr/bin/env node
// GET /api/products (text + facets + filters + sort) vs the SAME Elasticsearch request bodies sent
// straight to ES, in the same run, at concurrency 32. Also /api/products/suggest server time.
//
//   node bench/search-api.mjs [--runs 3] [--duration 15] [--connections 32] [--queries 400]
//
// Needs the seeded catalog indexed (make seed PRODUCTS=100000 + the indexer) and api-gateway/dist.
// Starts two gateways from dist on the CDC database: `cached` (normal Redis result cache) and
// `uncached` (CACHE_LIST_TTL_SECONDS=0: every request goes to ES). The goal compares uncached
// API p99 with direct ES p99 (API overhead = parse/validate, facet mapping, category tree, Redis GET).
// `floor` is a plain Node proxy forwarding the same ES bodies: what any Node front-end pays here.
import { args, env, ES_URL as ES, GW, median, percentile, pgClient, require, rng, SEARCH_GATEWAY_ENV, startGateway, startScriptServer } from './lib.mjs';

const autocannon = require('autocannon');
const { parseProductQuery } = require(`${GW}/dist/catalog/product-query.js`);
const { buildSearchRequest } = require(`${GW}/dist/search/query/search-request.builder.js`);

const RUNS = Number(args.runs ?? 3);
const DURATION = Number(args.duration ?? 15);
const CONNECTIONS = Number(args.connections ?? 32);
const QUERIES = Number(args.queries ?? 400);
const ALIAS = env.SEARCH_PRODUCTS_ALIAS ?? 'products';

async function queryMix() {
  const db = await pgClient();
  const words = (await db.query(`SELECT DISTINCT lower(w) AS w FROM (SELECT regexp_split_to_table(name, '\\s+') AS w FROM products LIMIT 20000) t WHERE length(w) >= 4 LIMIT 300`)).rows.map((r) => r.w);
  const brands = (await db.query(`SELECT name FROM brands ORDER BY id`)).rows.map((r) => r.name);
  const cats = (await db.query(`SELECT slug FROM categories`)).rows.map((r) => r.slug);
  const attrs = (await db.query(`SELECT key, value FROM (SELECT key, value, count(*) n FROM products, jsonb_each_text(attributes) GROUP BY 1, 2) t WHERE n > 50 ORDER BY n DESC LIMIT 200`)).rows;
  await db.end();
  const r = rng(42);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const sorts = ['relevance', 'relevance', 'price_asc', 'price_desc', 'newest'];
  const out = [];
  for (let i = 0; i < QUERIES; i++) {
    const q = {};
    if (r() < 0.7) q.q = r() < 0.2 ? `${pick(words)} ${pick(words)}` : pick(words);
    if (r() < 0.4) q.category = pick(cats);
    if (r() < 0.35) q.brand = r() < 0.3 ? [pick(brands), pick(brands)] : pick(brands);
    if (r() < 0.25) { const a = pick(attrs); q[`attr.${a.key}`] = a.value; }
    if (r() < 0.3) { q.minPrice = String(Math.floor(r() * 50)); q.maxPrice = String(100 + Math.floor(r() * 400)); }
    if (r() < 0.2) q.inStock = 'true';
    q.sort = pick(sorts);
    if (r() < 0.15) q.page = String(2 + Math.floor(r() * 4));
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) for (const x of [].concat(v)) qs.append(k, x);
    const parsed = parseProductQuery(Object.fromEntries(Object.entries(q)));
    out.push({ path: `/api/products?${qs}`, body: JSON.stringify(buildSearchRequest(parsed, { totalThreshold: 10000 })) });
  }
  return out;
}

/**
 * The floor of any Node front-end on this machine: plain node:http forwarding the ES request body to
 * Elasticsearch (node:http keep-alive client, the cheapest here) and piping ES's answer back. No
 * parsing, validation, mapping or cache.
 */
const FLOOR_SERVER = `
const http = require('node:http');
const es = new URL(process.env.ES_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
http.createServer((req, res) => {
  const up = http.request({ host: es.hostname, port: es.port, path: req.url, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': req.headers['content-length'] } }, (r) => {
    res.writeHead(r.statusCode, { 'content-type': 'application/json', ...(r.headers['content-length'] ? { 'content-length': r.headers['content-length'] } : {}) });
    r.pipe(res);
  });
  up.once('error', (e) => { res.writeHead(502); res.end(String(e.message)); });
  req.pipe(up);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

function run(url, requests, duration = DURATION) {
  const r = rng(7);
  return new Promise((resolve, reject) => {
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, ...requests[Math.floor(r() * requests.length)] }) }],
    }, (err, res) => (err ? reject(err) : resolve({ p50: res.latency.p50, p95: res.latency.p97_5 ?? res.latency.p90, p99: res.latency.p99, rps: res.requests.average, errors: res.errors + res.non2xx })));
  });
}

const mix = await queryMix();
const apiReqs = mix.map((m) => ({ method: 'GET', path: m.path }));
const esReqs = mix.map((m) => ({ method: 'POST', path: `/${ALIAS}/_search`, body: m.body, headers: { 'content-type': 'application/json' } }));
// own Redis DB: it must not read the list entries the cached gateway writes under the same keys
const uncached = await startGateway(3310, { ...SEARCH_GATEWAY_ENV, CACHE_LIST_TTL_SECONDS: '0', REDIS_DB: '7' });
const cached = await startGateway(3311, SEARCH_GATEWAY_ENV);
const floor = await startScriptServer('search floor server', FLOOR_SERVER, 3312, { ES_URL: ES });
const rows = { es: [], floor: [], api: [], apiCached: [] };
try {
  // warm-up of every target before the first measured run: ES's caches, and the two gateways' JIT and
  // category tree (a freshly started Node process is several times slower for its first seconds; warming
  // only ES made run 1's API figures a cold start's)
  await run(ES, esReqs.slice(0, 50)).catch(() => undefined);
  await run(floor.url, esReqs, Math.min(DURATION, 5)).catch(() => undefined);
  await run(uncached.url, apiReqs, Math.min(DURATION, 5)).catch(() => undefined);
  await run(cached.url, apiReqs, Math.min(DURATION, 5)).catch(() => undefined);
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url, reqs] of [['es', ES, esReqs], ['floor', floor.url, esReqs], ['api', uncached.url, apiReqs], ['apiCached', cached.url, apiReqs]]) {
      const res = await run(url, reqs);
      if (res.errors || !res.rps) throw new Error(`${name}: ${res.errors} errors or non-2xx, ${res.rps} req/s: the figures would be meaningless`);
      rows[name].push(res);
      console.log(`run ${i + 1} ${name.padEnd(9)} p50 ${res.p50} ms  p97.5 ${res.p95} ms  p99 ${res.p99} ms  ${Math.round(res.rps)} req/s  errors ${res.errors}`);
    }
  }
  // suggest: server time (ES took) and end-to-end
  const db = await pgClient();
  const prefixes = (await db.query(`SELECT DISTINCT left(lower(name), 3 + (id % 4)::int) AS p FROM products LIMIT 200`)).rows.map((r) => r.p);
  await db.end();
  const took = [];
  const e2e = [];
  for (const p of prefixes) {
    const t0 = performance.now();
    const res = await fetch(`${uncached.url}/api/products/suggest?q=${encodeURIComponent(p)}`).then((x) => x.json());
    e2e.push(performance.now() - t0);
    took.push(res.tookMs);
  }
  const med = (name, key) => median(rows[name].map((r) => r[key]));
  console.log(`\nmedian of ${RUNS} runs, ${CONNECTIONS} connections, ${DURATION} s each, ${QUERIES} distinct queries`);
  console.log('target        p50 ms  p97.5 ms  p99 ms   req/s');
  for (const name of ['es', 'floor', 'api', 'apiCached']) {
    console.log(`${name.padEnd(12)} ${String(med(name, 'p50')).padStart(6)} ${String(med(name, 'p95')).padStart(8)} ${String(med(name, 'p99')).padStart(7)} ${String(Math.round(med(name, 'rps'))).padStart(7)}`);
  }
  // a ratio compares the targets of ONE run (same moment, same machine load), then the median of those:
  // the ratio of medians mixed runs (a cold first run's ES p99 against a warm run's API p99)
  const ratio = (a, b, key) => median(rows[a].map((r, i) => r[key] / rows[b][i][key]));
  const perRun = rows.api.map((r, i) => (r.p99 / rows.es[i].p99).toFixed(2)).join(', ');
  console.log(`ratio API(uncached)/ES p99 per run: ${perRun}; median ${ratio('api', 'es', 'p99').toFixed(2)}; p50 median ${ratio('api', 'es', 'p50').toFixed(2)}`);
  console.log(`ratio API(cached)/ES p99: median ${ratio('apiCached', 'es', 'p99').toFixed(2)}`);
  console.log(`ratio node floor (plain proxy)/ES p99: median ${ratio('floor', 'es', 'p99').toFixed(2)}; API(uncached)/node floor p99: median ${ratio('api', 'floor', 'p99').toFixed(2)}`);
  console.log(`suggest (${took.length} prefixes, sequential): ES took p50 ${median(took)} ms p99 ${percentile(took, 99)} ms; end-to-end p50 ${median(e2e).toFixed(1)} ms`);
  console.log(`RATIO API(uncached)/ES p99 ${ratio('api', 'es', 'p99').toFixed(2)} (goal <= 1.10, median of the ${RUNS} runs' same-run ratios)`);
} finally {
  await uncached.stop();
  await cached.stop();
  await floor.stop();
}
