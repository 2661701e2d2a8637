// Catalog management as an admin does it (issue 14): headless Chromium against nginx (:8080), php-fpm,
// the admin's queue worker, the real gateway, Debezium -> Kafka -> indexer -> Elasticsearch.
// Screenshots: .platform/test-results/admin-browser/catalog-*.png (not committed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ADMIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = join(ADMIN_DIR, '..', '.platform', 'test-results', 'admin-browser');
const BASE = process.env.PLATFORM_URL ?? `http://localhost:${process.env.NGINX_PORT ?? 8080}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TAG = `E2E${Date.now().toString(36).toUpperCase()}`;
const WORD = `zorblax${Date.now().toString(36)}`; // a word no other product has: the search must find exactly ours

const php = (script, ...args) => execFileSync('php', [join(ADMIN_DIR, script), ...args], { encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
let page;
let admin;
let fx;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // the demo catalog's image files (idempotent: only missing files are painted; `make up`/`make seed` do the same)
  php('artisan', 'catalog:seed-images');
  admin = JSON.parse(php('tests/Browser/users.php', 'create', 'admin'));
  fx = JSON.parse(php('tests/Browser/catalog-records.php', 'setup', TAG));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (err) => assert.fail(`script error on ${page.url()}: ${err.message}`));
  await page.goto(`${BASE}/admin/login`);
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=login-form] button[type=submit]')]);
    const throttled = (await page.content()).match(/try again in (\d+) seconds/); // the per-IP login limit is shared with earlier suites
    if (!throttled) break;
    await sleep((Number(throttled[1]) + 1) * 1000);
  }
  await page.waitForURL(`${BASE}/admin/dashboard`);
});

after(async () => {
  await browser?.close();
  php('tests/Browser/catalog-records.php', 'cleanup', TAG);
  php('tests/Browser/users.php', 'delete', String(admin?.id ?? 0));
});

/** GET /api/products (the gateway's search over Elasticsearch) until `check` passes; returns the elapsed ms. */
async function searchUntil(query, check, timeoutMs, what) {
  const started = Date.now();
  let last;
  while (Date.now() - started < timeoutMs) {
    last = await fetch(`${BASE}/api/products?${new URLSearchParams(query)}`).then((r) => r.json());
    if (check(last.items ?? [])) return Date.now() - started;
    await sleep(250);
  }
  assert.fail(`${what}: not within ${timeoutMs} ms (last answer: ${JSON.stringify(last).slice(0, 300)})`);
}

let productId;

test('create a product with an image: the thumbnail appears once the job ran, the badge says live, search finds it within 5 s', async () => {
  await page.goto(`${BASE}/admin/products/create`);
  await page.fill('#sku', `${TAG}-LAMP`);
  await page.fill('#name', `${WORD} desk lamp`);
  await page.fill('#price', '49.90');
  await page.fill('#on_hand', '12');
  await page.selectOption('#category_id', String(fx.child.id));
  await page.selectOption('#brand_id', String(fx.brand.id));
  await page.fill('input[name="attributes[0][key]"]', 'color');
  await page.fill('input[name="attributes[0][value]"]', 'yellow');
  const saved = Date.now();
  await Promise.all([page.waitForURL(/\/admin\/products\/\d+\/edit$/), page.click('[data-testid=product-form] button[type=submit]')]);
  productId = Number(page.url().match(/products\/(\d+)\/edit/)[1]);

  const found = await searchUntil({ q: WORD }, (items) => items.some((i) => i.id === productId), 5000, 'the new product in GET /api/products?q=');
  console.log(`# searchable ${found} ms after the API check started (${Date.now() - saved} ms after the save)`);
  await page.waitForSelector('[data-testid=search-badge][data-state=live]', { timeout: 15_000 });

  await page.setInputFiles('[data-testid=image-input]', fx.png);
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=upload-images]')]);
  // the page polls and reloads once the worker made the thumbnail
  const thumb = page.locator('[data-testid=image][data-status=ready] img[data-testid=thumbnail]');
  await thumb.waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('img[data-testid=thumbnail]')?.naturalWidth > 0);
  assert.equal(await thumb.evaluate((img) => img.naturalWidth), 320, 'a 640 px upload gets a 320 px thumbnail');
  await page.screenshot({ path: join(SHOTS, 'catalog-1-product-with-thumbnail.png'), fullPage: true });

  await searchUntil({ q: WORD }, (items) => items.some((i) => i.id === productId && i.images.length === 1), 10_000, 'the image in search');
});

test('soft delete: gone from search; restore: back', async () => {
  await page.goto(`${BASE}/admin/products/${productId}/edit`);
  await Promise.all([page.waitForURL(`${BASE}/admin/products`), page.click('[data-testid=trash-product]')]);
  await searchUntil({ q: WORD }, (items) => !items.some((i) => i.id === productId), 10_000, 'the trashed product leaving search');

  await page.goto(`${BASE}/admin/products?${new URLSearchParams({ q: TAG, trashed: 'only' })}`);
  assert.equal(await page.locator(`[data-testid=product-row][data-sku="${TAG}-LAMP"]`).count(), 1, 'the Trash view lists it');
  await page.screenshot({ path: join(SHOTS, 'catalog-2-trash.png'), fullPage: true });
  await page.goto(`${BASE}/admin/products/${productId}/edit`);
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=restore-product]')]);
  await searchUntil({ q: WORD }, (items) => items.some((i) => i.id === productId), 10_000, 'the restored product back in search');
  await page.waitForSelector('[data-testid=search-badge][data-state=live]', { timeout: 15_000 });
});

test('moving a category changes its products\' category path in search; moving under a descendant is refused', async () => {
  await page.goto(`${BASE}/admin/categories`);
  await page.selectOption('[data-testid=move-category] select[name=category]', String(fx.roots[0].id));
  await page.selectOption('[data-testid=move-category] select[name=new_parent_id]', String(fx.child.id));
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=move-submit]')]);
  assert.match(await page.locator('[data-testid=category-errors]').textContent(), /can't be moved under .*descendants/);
  await page.screenshot({ path: join(SHOTS, 'catalog-3-cycle-refused.png') });

  await page.selectOption('[data-testid=move-category] select[name=category]', String(fx.child.id));
  await page.selectOption('[data-testid=move-category] select[name=new_parent_id]', String(fx.roots[1].id));
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=move-submit]')]);
  await searchUntil({ q: WORD }, (items) => items.some((i) => i.id === productId && i.category.path[0] === fx.roots[1].slug), 15_000,
    'the new category path in search');
  await page.screenshot({ path: join(SHOTS, 'catalog-4-tree.png'), fullPage: true });
});

test('import a 20-row CSV with one bad row: progress, 19 imported, the error report names line and column', async () => {
  await page.goto(`${BASE}/admin/imports`);
  await page.setInputFiles('[data-testid=import-file]', fx.csv);
  await Promise.all([page.waitForURL(/\/admin\/imports\/\d+$/), page.click('[data-testid=start-import]')]);
  await page.waitForFunction(() => document.querySelector('[data-testid=import-status]')?.textContent === 'completed', null, { timeout: 30_000 });
  assert.equal(await page.locator('[data-testid=import-percent]').textContent(), '100%');
  assert.match(await page.locator('[data-testid=import-counts]').textContent(), /^19 imported · 1 errors · 20 rows$/);
  const error = await page.locator('[data-testid=import-errors] tbody tr').first().textContent();
  assert.match(error, /8\s*price\s*price must be a number >= 0 \(got "not-a-price"\)/);
  await sleep(500); // the bar's width transition
  await page.screenshot({ path: join(SHOTS, 'catalog-5-import.png'), fullPage: true });
  const report = await page.evaluate((url) => fetch(url).then((r) => r.text()), await page.locator('[data-testid=download-errors]').getAttribute('href'));
  assert.match(report, /^line,column,message\n8,price,/);
});

test('the storefront shows real pictures for seeded products', async () => {
  const store = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await store.goto(`${BASE}/?q=yoga`); // a word of the demo catalog (its products have seeded images)
  const pictures = 'img[src*="/media/products/"]';
  await store.waitForSelector(pictures, { timeout: 15_000 });
  await store.waitForFunction((sel) => {
    const imgs = [...document.querySelectorAll(sel)].slice(0, 4);
    return imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0);
  }, pictures, { timeout: 15_000 });
  const widths = await store.$$eval(pictures, (imgs) => imgs.slice(0, 4).map((i) => i.naturalWidth));
  assert.ok(widths.every((w) => w === 400), `seeded pictures are 400 px wide: ${widths}`);
  await store.screenshot({ path: join(SHOTS, 'catalog-6-storefront-images.png') });
  await store.context().close();
});
