#!/usr/bin/env node
// Indexer throughput: full rebuild of the products index from PostgreSQL (make reindex) on the
// seeded catalog; docs/s and the time until every document is searchable (alias swapped, refreshed).
//
//   node bench/index-throughput.mjs [--runs 3]
//
// Each run is `node dist/search/cli/reindex.js --json` (the same code as make reindex); the baseline
// measured in the same run is a bare PostgreSQL read of the same rows (no ES), so the ratio shows
// what indexing costs on top of reading. Goal: 100k products searchable in <= 60 s.
import { spawnSync } from 'node:child_process';
import { args, env, ES_URL as ES, GW, median, pgClient } from './lib.mjs';

const RUNS = Number(args.runs ?? 3);

async function pgReadSeconds() {
  const db = await pgClient();
  const t0 = performance.now();
  let after = 0;
  let n = 0;
  for (;;) {
    const { rows } = await db.query(
      `SELECT p.*, b.name AS brand, c.path, i.on_hand, (SELECT array_agg(path) FROM product_images im WHERE im.product_id = p.id) AS images
         FROM products p JOIN brands b ON b.id = p.brand_id JOIN categories c ON c.id = p.category_id LEFT JOIN inventory i ON i.product_id = p.id
        WHERE p.id > $1 ORDER BY p.id LIMIT 1000`, [after]);
    if (!rows.length) break;
    n += rows.length;
    after = Number(rows[rows.length - 1].id);
  }
  await db.end();
  return { seconds: (performance.now() - t0) / 1000, rows: n };
}

const results = [];
for (let i = 0; i < RUNS; i++) {
  const base = await pgReadSeconds();
  const t0 = performance.now();
  const out = spawnSync(process.execPath, ['dist/search/cli/reindex.js', '--json'], { cwd: GW, env: { ...process.env }, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`reindex failed: ${out.stderr}`);
  const report = JSON.parse(out.stdout.trim().split('\n').pop());
  const count = await fetch(`${ES}/${env.SEARCH_PRODUCTS_ALIAS ?? 'products'}/_count`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: { term: { visible: true } } }) }).then((r) => r.json());
  const wall = (performance.now() - t0) / 1000;
  results.push({ ...report, wall, searchable: count.count, baseSeconds: base.seconds, baseRows: base.rows });
  console.log(`run ${i + 1}: ${report.documents} docs in ${report.seconds.toFixed(1)} s = ${report.docsPerSecond} docs/s; searchable ${count.count} after ${wall.toFixed(1)} s (process included); PostgreSQL-only read of ${base.rows} rows: ${base.seconds.toFixed(1)} s`);
}
const m = (k) => median(results.map((r) => r[k]));
console.log(`\nmedian of ${RUNS}: ${Math.round(m('docsPerSecond'))} docs/s, all searchable after ${m('wall').toFixed(1)} s (goal <= 60 s); ratio to the bare PostgreSQL read: ${(m('seconds') / m('baseSeconds')).toFixed(2)}x`);
