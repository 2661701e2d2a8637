#!/usr/bin/env node
// Notification latency of the admin's live orders on the running platform (`make up`): a customer's
// POST /api/orders is sent at t0; t1 is when the toast appears in an admin's dashboard in headless
// Chromium (gateway outbox -> admin-broadcaster -> Redis -> admin-echo -> laravel-echo). Baseline in
// the same run: when an admin's Socket.IO connection on the gateway gets the same order.created
// (outbox -> order-worker relay -> Kafka -> gateway).
//
//   node bench/orders-live.mjs [--orders 20] [--gap-ms 400]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { args, median, percentile, require, ROOT, round, sleep } from './lib.mjs';

const ORDERS = Number(args.orders ?? 20);
const GAP = Number(args['gap-ms'] ?? 400);
const BASE = process.env.PLATFORM_URL ?? `http://localhost:${process.env.NGINX_PORT ?? 8080}`;
const BROWSER = path.join(ROOT, 'admin-service', 'tests', 'Browser');
const php = (script, ...a) => execFileSync('php', [path.join(BROWSER, script), ...a], { encoding: 'utf8' });
const { io } = require('socket.io-client'); // the gateway's Socket.IO 4 client
const { chromium } = createRequire(path.join(ROOT, 'admin-service', 'package.json'))('playwright-core');

async function login(user) {
  const res = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  if (res.status !== 200) throw new Error(`login ${user.email}: ${res.status}`);
  return (await res.json()).accessToken;
}

const records = JSON.parse(php('order-records.php', 'product'));
const admin = JSON.parse(php('users.php', 'create', 'admin'));
const customer = JSON.parse(php('users.php', 'create', 'customer'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let socket;
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/admin/login`);
  await page.fill('#email', admin.email);
  await page.fill('#password', admin.password);
  await Promise.all([page.waitForURL(`${BASE}/admin/dashboard`), page.click('[data-testid=login-form] button[type=submit]')]);
  await page.waitForSelector('body[data-live-orders=connected]');
  await page.evaluate(() => {
    window.__shown = {};
    new MutationObserver((muts) => {
      for (const m of muts) for (const n of m.addedNodes) {
        const number = n.dataset?.testid === 'order-toast' && n.textContent.match(/ORD-[\d-]+/)?.[0];
        if (number) window.__shown[number] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  socket = io(BASE, { path: '/socket.io', auth: { token: await login(admin) }, transports: ['websocket'], extraHeaders: { origin: BASE } });
  const viaGateway = {};
  socket.on('order.created', (e) => { viaGateway[e.orderNumber] = Date.now(); });
  await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
  await sleep(1500);

  const token = await login(customer);
  const samples = [];
  for (let i = 0; i < ORDERS; i++) {
    const t0 = Date.now();
    const res = await fetch(`${BASE}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-live-${t0}-${i}` },
      body: JSON.stringify({ items: [{ productId: records.productId, quantity: 1 }], shippingAddress: { name: 'Bench', line1: '1 Street', city: 'Berlin', postalCode: '10115', country: 'DE' }, payment: { method: 'card', token: 'tok_success' } }),
    });
    if (res.status !== 201) throw new Error(`POST /api/orders: ${res.status} ${await res.text()}`);
    const { number } = await res.json();
    const deadline = Date.now() + 5000;
    let shown;
    while (!(shown = await page.evaluate((n) => window.__shown[n], number)) && Date.now() < deadline) await sleep(10);
    while (!viaGateway[number] && Date.now() < deadline) await sleep(10);
    if (!shown) throw new Error(`order ${number} not shown within 5 s`);
    samples.push({ echo: shown - t0, gateway: viaGateway[number] ? viaGateway[number] - t0 : NaN });
    await sleep(GAP);
  }
  const e = samples.map((s) => s.echo);
  const g = samples.map((s) => s.gateway).filter(Number.isFinite);
  console.log(`${ORDERS} orders, ${GAP} ms apart, POST /api/orders sent -> shown`);
  console.log(`admin dashboard toast (Laravel Echo): median ${round(median(e))} ms, p90 ${round(percentile(e, 90))} ms, max ${round(Math.max(...e))} ms`);
  console.log(`baseline, gateway Socket.IO order.created to an admin: median ${round(median(g))} ms, p90 ${round(percentile(g, 90))} ms (${g.length} received)`);
  console.log(`ratio echo/gateway (medians): ${round(median(e) / median(g), 2)}`);
} finally {
  socket?.close();
  await browser.close();
  php('order-records.php', 'forget', String(customer.id), String(records.productId), String(records.categoryId), String(records.brandId));
  php('users.php', 'delete', String(admin.id), String(customer.id));
}
