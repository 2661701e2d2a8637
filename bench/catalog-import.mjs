// Issue 14's catalog figures on the running platform (`make up`; the admin's queue worker consumes the import):
//  - a 100k-row CSV import through the admin's JSON API (POST /admin/api/imports with a catalog:write key):
//    upload -> the batch `completed` (ImportProducts: chunked multi-row upserts), and upload -> all 100k
//    products searchable through GET /api/products (the brand facet counts 100 000: Debezium -> Kafka ->
//    indexer -> Elasticsearch). Fresh SKUs each run; median of --runs (default 3).
//  - with those products present: the admin list's search (trigram index vs sequential scan) and the CSV
//    export's peak memory (bench/catalog-admin.php).
// Everything it creates is deleted at the end.  node bench/catalog-import.mjs [--rows 100000] [--runs 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, args, median, round, sleep } from './lib.mjs';

const ROWS = Number(args.rows ?? 100_000);
const RUNS = Number(args.runs ?? 3);
const BASE = process.env.PLATFORM_URL ?? `http://localhost:${process.env.NGINX_PORT ?? 8080}`;
const TAG = `b${Date.now().toString(36)}`;
const php = (...a) => execFileSync('php', a, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });

function writeCsv(file, run, fx) {
  const out = fs.openSync(file, 'w');
  let chunk = 'sku,name,price,category,brand,stock,status,attr:color\n';
  const colors = ['red', 'green', 'blue', 'black', 'white'];
  for (let i = 1; i <= ROWS; i++) {
    chunk += `${TAG}-R${run}-${i},Bench ${TAG} product ${run}-${i},${(5 + (i % 500) + 0.99).toFixed(2)},${fx.category},${fx.brand},${i % 50},active,${colors[i % 5]}\n`;
    if (chunk.length > 1 << 20) { fs.writeSync(out, chunk); chunk = ''; }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

/** How many of the brand's products GET /api/products can find (-1 while the gateway is unavailable, e.g. restarted by someone). */
async function searchableCount(brand) {
  try {
    const res = await fetch(`${BASE}/api/products?${new URLSearchParams({ brand, pageSize: '1' })}`);
    if (!res.ok) return -1;
    const body = await res.json();
    return body.facets?.brand?.find((b) => b.value === brand)?.count ?? 0;
  } catch {
    return -1;
  }
}

const fx = JSON.parse(php('bench/catalog-fixtures.php', 'setup', TAG));
const results = [];
let admin = null;
try {
  for (let run = 1; run <= RUNS; run++) {
    const file = path.join(os.tmpdir(), `${TAG}-${run}.csv`);
    writeCsv(file, run, fx);
    let before;
    while ((before = await searchableCount(fx.brand)) < 0) await sleep(1000);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), `${TAG}-${run}.csv`);
    const t0 = Date.now();
    const res = await fetch(`${BASE}/admin/api/imports`, { method: 'POST', headers: { 'X-Api-Key': fx.key }, body: form });
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    const uploadedMs = Date.now() - t0;
    const { data } = await res.json();
    let batch = data;
    while (batch.status !== 'completed' && batch.status !== 'failed') {
      await sleep(200);
      batch = (await fetch(`${BASE}/admin/api/imports/${data.id}`, { headers: { 'X-Api-Key': fx.key } }).then((r) => r.json())).data;
      if (Date.now() - t0 > 300_000) throw new Error(`import ${data.id} still ${batch.status} after 300 s`);
    }
    const importMs = Date.now() - t0;
    if (batch.status !== 'completed' || batch.processedRows !== ROWS) throw new Error(`import ${data.id}: ${JSON.stringify(batch).slice(0, 400)}`);
    let count = 0;
    while ((count = await searchableCount(fx.brand)) < before + ROWS) {
      if (Date.now() - t0 > 600_000) throw new Error(`only ${count - before} of ${ROWS} searchable after 600 s`);
      await sleep(500);
    }
    const searchableMs = Date.now() - t0;
    fs.unlinkSync(file);
    results.push({ run, uploadedMs, importMs, searchableMs, rowsPerSecond: round(ROWS / (importMs / 1000), 0) });
    console.log(JSON.stringify(results.at(-1)));
  }
  admin = JSON.parse(php('bench/catalog-admin.php', 'R1-4242')); // a selective term, as an admin types it
} finally {
  php('bench/catalog-fixtures.php', 'cleanup', TAG);
}

const med = (k) => median(results.map((r) => r[k]));
console.log(JSON.stringify({
  rows: ROWS, runs: RUNS,
  importSeconds: { median: round(med('importMs') / 1000, 1), all: results.map((r) => round(r.importMs / 1000, 1)), goal: 60 },
  searchableSeconds: { median: round(med('searchableMs') / 1000, 1), all: results.map((r) => round(r.searchableMs / 1000, 1)), goal: 90 },
  importRowsPerSecond: med('rowsPerSecond'),
  admin,
}, null, 1));
