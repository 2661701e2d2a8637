// The admin's pages as a person uses them: headless Chromium against nginx (:8080) and php-fpm, the
// real gateway, Connect and PostgreSQL. Screenshots go to .platform/test-results/admin-browser/ (not committed).
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
const CONNECT = process.env.CONNECT_URL ?? 'http://127.0.0.1:8083';
const CONNECTOR = 'commerce-catalog-postgres';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const users = (...args) => execFileSync('php', [join(ADMIN_DIR, 'tests/Browser/users.php'), ...args], { encoding: 'utf8' });
const forget = (...args) => execFileSync('php', [join(ADMIN_DIR, 'tests/Browser/admin-records.php'), 'forget', ...args], { encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
let context;
let page;
let admin;
const created = [];
const keyPrefixes = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  admin = JSON.parse(users('create', 'admin'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`script error on ${page.url()}: ${err.message}`));
  await page.goto(`${BASE}/admin/login`);
  await page.fill('#email', admin.email);
  await page.fill('#password', admin.password);
  await Promise.all([page.waitForURL(`${BASE}/admin/dashboard`), page.click('[data-testid=login-form] button[type=submit]')]);
});

after(async () => {
  await ensureConnectorRunning();
  await browser?.close();
  forget(String(admin?.id ?? 0), ...keyPrefixes);
  users('delete', String(admin?.id ?? 0), ...created.map(String));
});

async function connectorStatus() {
  return fetch(`${CONNECT}/connectors/${CONNECTOR}/status`).then((r) => r.json());
}

const running = (s) => s.connector?.state === 'RUNNING' && s.tasks?.length > 0 && s.tasks.every((t) => t.state === 'RUNNING');

/** The shared platform's connector is always left RUNNING (a stop is applied asynchronously). */
async function ensureConnectorRunning() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await fetch(`${CONNECT}/connectors/${CONNECTOR}/resume`, { method: 'PUT' });
    await sleep(1000);
    if (running(await connectorStatus())) return;
  }
  assert.fail('the connector did not come back to RUNNING');
}

test('the dashboard shows the sales windows and draws the chart', async () => {
  await page.goto(`${BASE}/admin/dashboard`);
  await page.waitForSelector('[data-testid=sales-chart][data-rendered=true]');
  assert.equal(await page.locator('[data-testid=sales] [data-testid=stat-value]').count(), 3);
  assert.equal(await page.locator('[data-testid=statuses] li').count(), 7);
  await page.screenshot({ path: join(SHOTS, 'pages-1-dashboard.png'), fullPage: true });
});

test('users: create one (a too-short password is refused first), find it, and an admin cannot demote themselves', async () => {
  const email = `browser-made-${Date.now()}@example.test`;
  await page.goto(`${BASE}/admin/users/create`);
  await page.fill('#name', 'Made In Browser');
  await page.fill('#email', email);
  await page.fill('#password', 'short-pw-1');
  await page.fill('#password_confirmation', 'short-pw-1');
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=user-form] button[type=submit]')]);
  await page.locator('[data-testid=error-password]').waitFor();
  assert.match(await page.locator('[data-testid=error-password]').textContent(), /at least 12 characters/);
  assert.equal(await page.inputValue('#email'), email, 'the form keeps what was typed');
  await page.screenshot({ path: join(SHOTS, 'pages-2-user-validation.png'), fullPage: true });

  await page.fill('#password', 'Browser-Made-Passw0rd');
  await page.fill('#password_confirmation', 'Browser-Made-Passw0rd');
  await Promise.all([page.waitForURL(`${BASE}/admin/users`), page.click('[data-testid=user-form] button[type=submit]')]);
  await page.locator('[data-testid=flash-status]').waitFor();
  await page.fill('[data-testid=user-search]', email);
  await Promise.all([page.waitForLoadState('load'), page.press('[data-testid=user-search]', 'Enter')]);
  const row = page.locator(`[data-testid=user-row][data-email="${email}"]`);
  await row.waitFor();
  created.push(Number(await row.getAttribute('data-id')));
  await page.screenshot({ path: join(SHOTS, 'pages-3-users.png'), fullPage: true });

  await page.goto(`${BASE}/admin/users/${admin.id}/edit`);
  await page.selectOption('#role', 'customer');
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=user-form] button[type=submit]')]);
  await page.locator('[data-testid=error-role]').waitFor();
  assert.match(await page.locator('[data-testid=error-role]').textContent(), /cannot change your own role/);
  await page.screenshot({ path: join(SHOTS, 'pages-4-self-demotion.png'), fullPage: true });
});

test('API keys: created, shown once, listed by prefix, revoked', async () => {
  await page.goto(`${BASE}/admin/api-keys/create`);
  await page.fill('#name', 'browser key');
  await page.check('input[value="ops:read"]');
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=key-form] button[type=submit]')]);
  const key = await page.inputValue('[data-testid=plaintext-key]');
  assert.match(key, /^cpk_[A-Za-z0-9_-]{40}$/);
  keyPrefixes.push(key.slice(0, 12));
  await page.screenshot({ path: join(SHOTS, 'pages-5-key-created.png'), fullPage: true });
  assert.equal((await fetch(`${BASE}/api/ops/pipeline`, { headers: { 'X-Api-Key': key } })).status, 200, 'the gateway accepts it');

  await page.goto(`${BASE}/admin/api-keys`);
  assert.ok(!(await page.content()).includes(key), 'the list never shows the key');
  const row = page.locator(`[data-testid=key-row][data-prefix="${key.slice(0, 12)}"]`);
  page.once('dialog', (d) => d.accept());
  await Promise.all([page.waitForURL(`${BASE}/admin/api-keys`), row.locator('[data-testid=revoke]').click()]);
  assert.equal(await row.locator('[data-testid=key-state]').textContent(), 'revoked');
  await page.screenshot({ path: join(SHOTS, 'pages-6-key-revoked.png'), fullPage: true });
  assert.equal((await fetch(`${BASE}/api/ops/pipeline`, { headers: { 'X-Api-Key': key } })).status, 401, 'a revoked key is refused');
});

test('pipeline: a connector stopped by hand turns red within seconds, the restart button brings it back', async () => {
  assert.ok(running(await connectorStatus()), 'precondition: the connector runs');
  await page.goto(`${BASE}/admin/pipeline`);
  const state = page.locator('[data-testid=connector-state]');
  await page.waitForFunction(() => document.querySelector('[data-testid=connector-state]')?.dataset.state === 'RUNNING');
  await page.screenshot({ path: join(SHOTS, 'pages-7-pipeline.png'), fullPage: true });
  try {
    const stop = await fetch(`${CONNECT}/connectors/${CONNECTOR}/stop`, { method: 'PUT' });
    assert.ok([202, 204].includes(stop.status));
    const stoppedAt = Date.now();
    await page.waitForFunction(() => document.querySelector('[data-testid=connector-state]')?.dataset.state !== 'RUNNING', null, { timeout: 10_000 });
    assert.match(await state.getAttribute('class'), /bg-red-100/, 'the state is red');
    console.log(`# red on the page ${Date.now() - stoppedAt} ms after the stop`);
    await page.screenshot({ path: join(SHOTS, 'pages-8-pipeline-stopped.png'), fullPage: true });

    await page.click('[data-testid=restart-connector]');
    await page.locator('[data-testid=restart-notice]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=connector-state]')?.dataset.state === 'RUNNING', null, { timeout: 60_000 });
    assert.match(await state.getAttribute('class'), /bg-green-100/);
    await page.screenshot({ path: join(SHOTS, 'pages-9-pipeline-restarted.png'), fullPage: true });
  } finally {
    await ensureConnectorRunning();
  }
});
