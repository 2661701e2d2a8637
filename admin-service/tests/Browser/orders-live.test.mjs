// Live orders end to end, as people use them: headless Chromium on nginx (:8080) with the real
// gateway, PostgreSQL, outbox relay, Redis, the admin's broadcaster and Echo server.
// An admin has the dashboard open, a customer places an order through POST /api/orders: the
// notification shows within 3 s without a reload (another admin's orders list gains the row).
// The admin moves it to shipped: the other admin's open order page follows (status, banner and the
// status-history row the server renders for that move, without a reload), and the customer's
// Socket.IO connection on the gateway receives order.status_changed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ADMIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = join(ADMIN_DIR, '..', '.platform', 'test-results', 'admin-browser');
const BASE = process.env.PLATFORM_URL ?? `http://localhost:${process.env.NGINX_PORT ?? 8080}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// the gateway speaks Socket.IO 4 (the admin's Echo server Socket.IO 2): use the gateway's client
const { io } = createRequire(join(ADMIN_DIR, '..', 'api-gateway', 'package.json'))('socket.io-client');

const php = (script, ...args) => execFileSync('php', [join(ADMIN_DIR, 'tests/Browser', script), ...args], { encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
let records;
let adminA;
let adminB;
let customer;
let customerSocket;
const customerEvents = [];

async function signedInPage(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => assert.fail(`script error on ${page.url()}: ${err.message}`));
  await page.goto(`${BASE}/admin/login`);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await Promise.all([page.waitForURL(`${BASE}/admin/dashboard`), page.click('[data-testid=login-form] button[type=submit]')]);
  return page;
}

async function gatewayLogin(user) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: BASE }, body: JSON.stringify({ email: user.email, password: user.password }),
    });
    if (res.status === 429 && attempt === 0) { await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000); continue; }
    assert.equal(res.status, 200, `customer login: ${res.status}`);
    return (await res.json()).accessToken;
  }
}

// the Echo server's read-only API tells how many sockets joined a channel (authorized by the admin)
const dotenv = Object.fromEntries(readFileSync(join(ADMIN_DIR, '..', '.env.example'), 'utf8').split('\n')
  .map((l) => l.match(/^([A-Z0-9_]+)=(.*)$/)).filter(Boolean).map((m) => [m[1], m[2]]));
const setting = (name) => process.env[name] ?? dotenv[name];
const ECHO_API = `http://127.0.0.1:${setting('ADMIN_ECHO_PORT')}/apps/${setting('ADMIN_ECHO_APP_ID')}`;

async function subscribers(channel) {
  const res = await fetch(`${ECHO_API}/channels/${encodeURIComponent(channel)}?auth_key=${setting('ADMIN_ECHO_API_KEY')}`);
  assert.equal(res.status, 200, `Echo server API: ${res.status}`);
  return (await res.json()).subscription_count;
}

/** Waits until at least `count` sockets are subscribed to the private `channel` (each authorized by /broadcasting/auth). */
async function subscribed(channel, count) {
  const deadline = Date.now() + 15_000;
  let last;
  while ((last = await subscribers(channel)) < count && Date.now() < deadline) await sleep(100);
  assert.ok(last >= count, `${channel}: ${last} subscribers, expected ${count}`);
}

/** A history row as people and scripts see it: its attributes, its elements in order and its text. */
const rowShape = (row) => row.evaluate((li) => ({
  attributes: Object.fromEntries([...li.attributes].map((a) => [a.name, a.value])),
  elements: [...li.querySelectorAll('*')].map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  text: li.innerText.replace(/\s+/g, ' ').trim(),
}));

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  records = JSON.parse(php('order-records.php', 'product'));
  adminA = JSON.parse(php('users.php', 'create', 'admin'));
  adminB = JSON.parse(php('users.php', 'create', 'admin'));
  customer = JSON.parse(php('users.php', 'create', 'customer'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  customerSocket?.close();
  await browser?.close();
  if (records) php('order-records.php', 'forget', String(customer?.id ?? 0), String(records.productId), String(records.categoryId), String(records.brandId));
  php('users.php', 'delete', ...[adminA, adminB, customer].map((u) => String(u?.id ?? 0)));
});

test('a new order pops up on the dashboard within 3 s, an admin ships it, the other admin and the customer see it live', async () => {
  const othersListening = await subscribers('private-admin.orders'); // other suites' admin pages may be open
  const dashboard = await signedInPage(adminA);
  await dashboard.goto(`${BASE}/admin/dashboard`);
  const list = await signedInPage(adminB);
  await list.goto(`${BASE}/admin/orders`);
  await subscribed('private-admin.orders', othersListening + 2);

  const token = await gatewayLogin(customer);
  customerSocket = io(BASE, { path: '/socket.io', auth: { token }, transports: ['websocket'], extraHeaders: { origin: BASE } });
  customerSocket.on('order.status_changed', (e) => customerEvents.push(e));
  await new Promise((resolve, reject) => { customerSocket.once('connect', resolve); customerSocket.once('connect_error', reject); });

  const placedAt = Date.now();
  const res = await fetch(`${BASE}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `live-orders-${placedAt}` },
    body: JSON.stringify({
      items: [{ productId: records.productId, quantity: 2 }],
      shippingAddress: { name: customer.name, line1: '1 Live Street', city: 'Berlin', postalCode: '10115', country: 'DE' },
      payment: { method: 'card', token: 'tok_success' },
    }),
  });
  assert.equal(res.status, 201, `POST /api/orders: ${res.status} ${await res.clone().text()}`);
  const order = await res.json();

  const toast = dashboard.locator('[data-testid=order-toast]', { hasText: order.number });
  await toast.waitFor({ timeout: Math.max(1, 3000 - (Date.now() - placedAt)) });
  const latency = Date.now() - placedAt;
  console.log(`order ${order.number}: POST /api/orders sent -> shown on the dashboard in ${latency} ms`);
  assert.ok(latency <= 3000, `notification after ${latency} ms`);
  assert.match(await toast.innerText(), /39\.80 USD/);
  await list.locator(`[data-testid=order-row][data-order-id="${order.id}"]`).waitFor({ timeout: 3000 });
  await dashboard.screenshot({ path: join(SHOTS, 'orders-1-dashboard-new-order.png') });
  await list.screenshot({ path: join(SHOTS, 'orders-2-list-new-row.png') });

  // admin B keeps the order open; admin A ships it
  await list.goto(`${BASE}/admin/orders/${order.id}`);
  await subscribed(`private-admin.orders.${order.id}`, 1);
  assert.equal(await list.locator('[data-testid=order-status]').getAttribute('data-status'), 'paid');
  const history = list.locator('[data-testid=status-history] [data-testid=history-row]');
  assert.equal(await history.count(), 1, 'pending -> paid by payment');
  await list.evaluate(() => { window.sameDocument = true; }); // gone if the page reloads
  await dashboard.goto(`${BASE}/admin/orders/${order.id}`);
  await Promise.all([dashboard.waitForURL(`${BASE}/admin/orders/${order.id}`), dashboard.click('[data-testid=move-shipped]')]);
  await dashboard.locator('[data-testid=flash-success]', { hasText: 'from paid to shipped' }).waitFor();
  assert.equal(await dashboard.locator('[data-testid=order-status]').getAttribute('data-status'), 'shipped');

  await list.locator('[data-testid=order-status][data-status=shipped]').waitFor({ timeout: 5000 });
  assert.match(await list.locator('[data-testid=live-status]').innerText(), /from paid to shipped/);
  assert.equal(await list.locator('[data-testid=status-form]').count(), 0, 'the stale buttons are gone');
  // the status history gains the move (when, from, to, who), still without a reload
  await history.nth(1).waitFor({ timeout: 5000 });
  assert.equal(await history.count(), 2);
  const liveRow = await rowShape(history.nth(1));
  assert.match(liveRow.text, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /, 'when');
  assert.equal(liveRow.text.replace(/^\S+ \S+ /, ''), `paid → shipped by ${adminA.email}`, 'from, to, who');
  assert.equal(await list.evaluate(() => window.sameDocument), true, 'no reload');
  await list.screenshot({ path: join(SHOTS, 'orders-3-other-admin-page-updated.png'), fullPage: true });
  // ... and it is the row the server renders for that change: same markup, same text
  await list.reload();
  await history.nth(1).waitFor();
  assert.deepEqual(await rowShape(history.nth(1)), liveRow, 'the live row is the server-rendered row');

  const deadline = Date.now() + 5000;
  while (!customerEvents.some((e) => String(e.orderId) === String(order.id) && e.status === 'shipped') && Date.now() < deadline) await sleep(50);
  const shipped = customerEvents.find((e) => String(e.orderId) === String(order.id) && e.status === 'shipped');
  assert.ok(shipped, `the customer's socket got: ${JSON.stringify(customerEvents)}`);
  assert.equal(shipped.previousStatus, 'paid');
});
