// The README's "Try it" examples, run exactly as written (one shell, in order) against the running
// platform through :8080: search with facets, login, an order placed twice with one
// Idempotency-Key, GraphQL, the request id. A README edit that breaks an example fails here.
// Needs: make up (the demo catalog and users).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT } from '../support.mjs';

/** The ```bash blocks of the README section whose heading starts with `title`. */
export function sectionBlocks(markdown, title) {
  const start = markdown.indexOf(`### ${title}`);
  assert.ok(start >= 0, `README has a "### ${title}" section`);
  const rest = markdown.slice(start + 4);
  const end = rest.search(/\n##+ /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('the README curl and GraphQL examples run as written and answer what they claim', async () => {
  // precondition: right after a first `make up` the demo catalog may still be on its way into the
  // index (Debezium's initial snapshot); the examples need the products they search for
  for (let i = 0; i < 180; i++) {
    const r = await fetch('http://127.0.0.1:8080/api/products?category=yoga-mats&inStock=true&pageSize=1').then((x) => x.json()).catch(() => null);
    if (r?.items?.length) break;
    await sleep(1000);
  }
  const blocks = sectionBlocks(readFileSync(`${ROOT}README.md`, 'utf8'), 'Try it');
  assert.ok(blocks.length >= 4, 'search, login, order, GraphQL examples');
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', blocks.join('\n')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `examples failed:\n${r.stdout}\n${r.stderr}`);
  const out = r.stdout;
  assert.match(out, /^\d+ found: \[.+\]$/m, 'search with results');
  assert.match(out, /^brands: \[\{'value': .+'count': \d+/m, 'brand facet with counts');
  assert.match(out, /"email":"alice@example\.com"/, 'login + /api/auth/me');
  const orders = [...out.matchAll(/^(ORD-\d{8}-\d+) paid [\d.]+ USD$/gm)].map((m) => m[1]);
  assert.equal(orders.length, 2, 'the order example prints two answers');
  assert.equal(orders[0], orders[1], 'same Idempotency-Key -> the same order');
  assert.match(out, /\{"data":\{"products":\{"total":\d+,"items":\[\{"name"/, 'GraphQL search');
  assert.match(out, /\{"data":\{"me":\{"email":"alice@example\.com","role":"customer"\},"myOrders":\{"total":\d+/, 'GraphQL me + myOrders');
  assert.doesNotMatch(out, /"errors"/);
  assert.match(out, /^x-request-id: abc-123\r?$/im, 'the request id comes back');
});
