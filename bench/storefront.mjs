#!/usr/bin/env node
// Storefront weight and speed, measured through nginx (:8080) on the running platform.
//
//   node bench/storefront.mjs [--runs 5] [--json]
//
// 1. Page weight: the JS and CSS the home page loads (from its index.html), as nginx sends them
//    gzipped (bytes on the wire), plus the lazily loaded chunks (socket.io client for the order pages).
// 2. Time to first results on a cold load, measured by the browser: a new Chromium context per run
//    (empty HTTP cache, no cookies), performance.now() when the first result card is in the DOM
//    (MutationObserver installed before any page script; 0 = navigation start). Median of N runs,
//    for the home page and for a search whose API answer is not in the gateway's Redis list cache
//    (a different query each run). Baseline in the same run: the same API request alone from Node
//    (first call, so also uncached), reported as a ratio.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { BASE, launch, STOREFRONT_DIR } from '../api-gateway/storefront/test/support.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const JSON_OUT = argv.includes('--json');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Bytes as nginx sends them (gzip, chunked: no Content-Length), read raw with node:http (fetch would decode). */
function wireBytes(path) {
  return new Promise((resolve, reject) => {
    http.get(`${BASE}${path}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const gzipped = res.headers['content-encoding'] === 'gzip';
        resolve({ path, encoding: res.headers['content-encoding'] ?? 'identity', gzipBytes: body.length, rawBytes: gzipped ? gunzipSync(body).length : body.length });
      });
    }).on('error', reject);
  });
}

async function pageWeight() {
  const html = await (await fetch(`${BASE}/`)).text();
  const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const all = readdirSync(join(STOREFRONT_DIR, 'dist', 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `/assets/${f}`);
  const lazy = all.filter((p) => !initial.includes(p));
  const sizes = async (paths) => Promise.all(paths.map(wireBytes));
  const first = await sizes(initial);
  const later = await sizes(lazy);
  const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);
  return {
    initial: first, lazy: later,
    initialGzipKB: round(sum(first, 'gzipBytes') / 1024), initialRawKB: round(sum(first, 'rawBytes') / 1024),
    lazyGzipKB: round(sum(later, 'gzipBytes') / 1024),
  };
}

async function firstResults(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=result]')) { window.__firstResultsAt = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResultsAt !== undefined, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__firstResultsAt);
  await context.close();
  return ms;
}

/** Leaf category names with products (e.g. "Headphones", "Jeans"): queries that find something. */
async function queries() {
  const { items } = await (await fetch(`${BASE}/api/categories`)).json();
  const leaves = [];
  const walk = (n) => (n.children?.length ? n.children.forEach(walk) : n.count > 0 && !/^bench/.test(n.value) && leaves.push(n.label));
  items.forEach(walk);
  return leaves;
}

async function main() {
  const weight = await pageWeight();
  const words = await queries();
  const browser = await launch();
  const cents = () => String(10 + Math.floor(Math.random() * 90)); // a price bound no earlier run cached
  const home = [];
  const search = [];
  const apiAlone = [];
  try {
    await firstResults(browser, `${BASE}/`); // nginx/gateway warm-up, not counted
    for (let i = 0; i < RUNS; i++) home.push(await firstResults(browser, `${BASE}/`));
    for (let i = 0; i < RUNS; i++) {
      // a query the gateway has not cached yet: a word plus a price bound unique to this run
      const q = new URLSearchParams({ q: words[i % words.length], maxPrice: `${9000 + i}.${cents()}` });
      const t0 = performance.now();
      await (await fetch(`${BASE}/api/products?${q}&pageSize=24`)).json();
      apiAlone.push(performance.now() - t0);
      q.set('maxPrice', `${8000 + i}.${cents()}`);
      search.push(await firstResults(browser, `${BASE}/?${q}`));
    }
  } finally {
    await browser.close();
  }
  const out = {
    runs: RUNS,
    pageWeight: weight,
    firstResultsMs: {
      home: { median: round(median(home)), all: home.map((x) => round(x)) },
      uncachedSearch: { median: round(median(search)), all: search.map((x) => round(x)) },
      apiAloneUncached: { median: round(median(apiAlone)), all: apiAlone.map((x) => round(x)) },
      ratioSearchToApi: round(median(search) / median(apiAlone), 2),
    },
  };
  if (JSON_OUT) return console.log(JSON.stringify(out, null, 2));
  console.log(`page weight (home, JS+CSS, gzip on the wire): ${out.pageWeight.initialGzipKB} KB (${out.pageWeight.initialRawKB} KB uncompressed)`);
  for (const a of weight.initial) console.log(`  ${a.path}  ${round(a.gzipBytes / 1024)} KB gz (${a.encoding})`);
  console.log(`lazy chunks (order pages: live status): ${out.pageWeight.lazyGzipKB} KB gz`);
  console.log(`time to first results, cold browser, median of ${RUNS}:`);
  console.log(`  home page            ${out.firstResultsMs.home.median} ms   (${out.firstResultsMs.home.all.join(', ')})`);
  console.log(`  uncached search      ${out.firstResultsMs.uncachedSearch.median} ms   (${out.firstResultsMs.uncachedSearch.all.join(', ')})`);
  console.log(`  baseline: its API call alone ${out.firstResultsMs.apiAloneUncached.median} ms -> page/API ratio ${out.firstResultsMs.ratioSearchToApi}`);
}

await main();
