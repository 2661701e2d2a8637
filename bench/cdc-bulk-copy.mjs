#!/usr/bin/env node
// Bulk write through CDC: `rows` new products written by ONE COPY (one transaction, like the admin's
// catalog import), then the time until every one of them is searchable (visible in the index).
//
//   node bench/cdc-bulk-copy.mjs [--rows 100000] [--timeout 300] [--keep]
//
// Needs the platform up (postgres, kafka, connect + connector, elasticsearch, indexer) and
// api-gateway/dist. The rows carry attributes.bulktag=<run> and are deleted afterwards (unless
// --keep; the deletes become tombstones, dropped by the next make reindex). Goal: 100k rows
// searchable in <= 60 s. Baseline in the same run: the COPY itself (PostgreSQL only).
import { args, ES_URL as ES, env, GW, pgClient, require, sleep } from './lib.mjs';

const { copyFrom, csvRow, chunked } = require(`${GW}/dist/database/seed/copy.js`);
const ROWS = Number(args.rows ?? 100000);
const TIMEOUT = Number(args.timeout ?? 300);
const ALIAS = env.SEARCH_PRODUCTS_ALIAS ?? 'products';
const tag = `bulk${Date.now().toString(36)}`;

const db = await pgClient();
const [{ category_id: categoryId, brand_id: brandId }] = (await db.query(
  `SELECT category_id, brand_id FROM products WHERE status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT 1`)).rows;

function* lines() {
  for (let i = 1; i <= ROWS; i++) {
    yield `${csvRow([`${tag}-${i}`, `Bulk ${tag} item ${i}`, `${tag}-item-${i}`, (10 + (i % 990)).toFixed(2), categoryId, brandId, 'active', JSON.stringify({ bulktag: tag })])}`;
  }
}

const searchable = async () => (await fetch(`${ES}/${ALIAS}/_count`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: { bool: { filter: [{ term: { visible: true } }, { term: { attrPairs: `bulktag=${tag}` } }] } } }),
}).then((r) => r.json())).count ?? 0;

const c0 = performance.now();
await db.query('BEGIN');
const copied = await copyFrom(db, 'products', ['sku', 'name', 'slug', 'price', 'category_id', 'brand_id', 'status', 'attributes'], chunked(lines()));
await db.query('COMMIT');
const committed = performance.now();
console.log(`COPY of ${copied} products committed in ${((committed - c0) / 1000).toFixed(1)} s`);

let seen = 0;
let firstSeenAt = 0;
while (performance.now() - committed < TIMEOUT * 1000) {
  seen = await searchable();
  if (seen && !firstSeenAt) firstSeenAt = performance.now();
  if (seen >= ROWS) break;
  await sleep(250);
}
const seconds = (performance.now() - committed) / 1000;
console.log(`${seen} of ${ROWS} searchable ${(seen >= ROWS ? 'after' : 'NOT ALL within')} ${seconds.toFixed(1)} s of the commit (first after ${((firstSeenAt - committed) / 1000).toFixed(1)} s); ${Math.round(seen / seconds)} rows/s end to end; goal: 100k in <= 60 s`);

if (!process.argv.includes('--keep')) {
  await db.query(`DELETE FROM products WHERE attributes->>'bulktag' = $1`, [tag]);
  console.log(`deleted the ${ROWS} rows again (tombstones until the next make reindex)`);
}
await db.end();
