#!/usr/bin/env node
// Relevance of GET /api/products on the judged query set bench/relevance-judgments.json (typos,
// plurals, synonyms, multi-word, brand + noun, sku, queries that should find nothing).
//
//   node bench/relevance.mjs [--json] [--verbose]
//
// Starts a gateway from api-gateway/dist (Elasticsearch backend, list cache off) on the CDC
// database and sends each query with pageSize=10. Prints, per kind and overall: hit rate at 10
// (at least one relevant product on the first page; for `none`: no result at all), mean precision
// at 10 (relevant share of the first page), the zero-result rate, and how many zero/few-result
// answers carried a "did you mean" suggestion. Needs the catalog indexed (make seed + the indexer).
import fs from 'node:fs';
import { args, pgClient, ROOT, round, SEARCH_GATEWAY_ENV, startGateway } from './lib.mjs';

const JSON_OUT = process.argv.includes('--json');
const VERBOSE = process.argv.includes('--verbose');
const TYPO_KINDS = new Set(['typo1', 'typo2']);

async function judgedQueries() {
  const { queries } = JSON.parse(fs.readFileSync(new URL('./relevance-judgments.json', import.meta.url), 'utf8'));
  const db = await pgClient();
  const skus = (await db.query(`SELECT sku FROM products WHERE status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT 2 OFFSET 7`)).rows.map((r) => r.sku);
  await db.end();
  let s = 0;
  return queries.map((j) => (j.sku ? { ...j, q: skus[s++ % skus.length], skuValue: skus[(s - 1) % skus.length] } : j));
}

function isRelevant(j, item) {
  if (j.skuValue) return item.sku === j.skuValue;
  if (j.cat?.includes(item.category?.name)) return !j.name || new RegExp(j.name, 'i').test(item.name);
  return !j.cat && !!j.name && new RegExp(j.name, 'i').test(item.name);
}

function judge(j, page) {
  const top = page.items.slice(0, 10);
  const relevant = top.filter((i) => isRelevant(j, i)).length;
  const hit = j.kind === 'none' ? page.total === 0 : relevant > 0;
  const precision = j.kind === 'none' ? (page.total === 0 ? 1 : 0) : top.length ? relevant / top.length : 0;
  return { q: j.q, kind: j.kind, total: page.total, hit, precision, zero: page.total === 0, didYouMean: page.didYouMean ?? null, top: top.slice(0, 3).map((i) => `${i.category?.name}: ${i.name}`) };
}

function summarize(rows) {
  const n = rows.length;
  return {
    queries: n,
    hitRateAt10: round((100 * rows.filter((r) => r.hit).length) / n, 1),
    precisionAt10: round((100 * rows.reduce((a, r) => a + r.precision, 0)) / n, 1),
    zeroResultRate: round((100 * rows.filter((r) => r.zero).length) / n, 1),
  };
}

const gw = await startGateway(Number(args.port ?? 3197), { ...SEARCH_GATEWAY_ENV, CACHE_LIST_TTL_SECONDS: '0' });
try {
  const rows = [];
  for (const j of await judgedQueries()) {
    const res = await fetch(`${gw.url}/api/products?${new URLSearchParams({ q: j.q, pageSize: '10' })}`);
    if (!res.ok) throw new Error(`q=${j.q}: HTTP ${res.status} ${await res.text()}`);
    rows.push(judge(j, await res.json()));
  }
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const report = {
    overall: summarize(rows),
    typos: summarize(rows.filter((r) => TYPO_KINDS.has(r.kind))),
    rest: summarize(rows.filter((r) => !TYPO_KINDS.has(r.kind))),
    byKind: Object.fromEntries(kinds.map((k) => [k, summarize(rows.filter((r) => r.kind === k))])),
    misses: rows.filter((r) => !r.hit).map((r) => ({ q: r.q, kind: r.kind, total: r.total, top: r.top, didYouMean: r.didYouMean })),
    zeroOrFewWithSuggestion: `${rows.filter((r) => r.total < 3 && r.didYouMean).length} of ${rows.filter((r) => r.total < 3).length}`,
  };
  if (JSON_OUT) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`${rows.length} judged queries (goal: typo hit rate at 10 >= 95 %)`);
    console.log('kind       queries  hit@10 %  P@10 %  zero-result %');
    for (const [k, s] of [['ALL', report.overall], ['typos', report.typos], ['non-typo', report.rest], ...Object.entries(report.byKind)]) {
      console.log(`${k.padEnd(10)} ${String(s.queries).padStart(7)}  ${String(s.hitRateAt10).padStart(8)}  ${String(s.precisionAt10).padStart(6)}  ${String(s.zeroResultRate).padStart(13)}`);
    }
    console.log(`zero/few-result answers with a "did you mean": ${report.zeroOrFewWithSuggestion}`);
    for (const m of report.misses) console.log(`  miss [${m.kind}] q=${JSON.stringify(m.q)} total=${m.total}${m.didYouMean ? ` didYouMean=${JSON.stringify(m.didYouMean)}` : ''} ${m.top.join(' | ')}`);
    if (VERBOSE) for (const r of rows) console.log(`  ${r.hit ? 'ok  ' : 'MISS'} [${r.kind}] ${r.q} total=${r.total} P@10=${round(r.precision, 2)}`);
  }
} finally {
  await gw.stop();
}
