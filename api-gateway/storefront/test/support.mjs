// Shared by the storefront's browser test and bench: the platform's own origin, Chromium launch,
// guards (foreign hosts, console errors) and small API helpers.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const STOREFRONT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(STOREFRONT_DIR, '..', '..');
export const BASE = process.env.PLATFORM_URL ?? `http://localhost:${process.env.NGINX_PORT ?? 8080}`;
export const SHOTS = join(ROOT, '.platform', 'test-results', 'storefront-browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export function launch() {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// The shopper's own client address (TEST-NET-2), which nginx forwards and the gateway's rate limits key on.
// Without it every browser test shares 127.0.0.1 with the admin suites' logins, and the per-IP login limit
// (AUTH_RATE_LIMIT, 10 a minute) refused the storefront's sign-in on a CI run.
export const SHOPPER_ADDRESS = '198.51.100.16';

/**
 * A browser context that refuses every request to a host other than the platform's own (and
 * records it, so the test fails), and records console errors and uncaught page errors.
 */
export async function guardedContext(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, extraHTTPHeaders: { 'X-Forwarded-For': SHOPPER_ADDRESS } });
  const own = new URL(BASE);
  const foreign = [];
  const problems = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === own.host && url.protocol === own.protocol) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('websocket', (ws) => { if (new URL(ws.url()).host !== own.host) foreign.push(ws.url()); });
  context.on('page', (page) => watch(page, problems));
  return { context, foreign, problems };
}

function watch(page, problems) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} @ ${m.location()?.url ?? ''}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
}

/** Console lines Chromium writes for an API answer the page expects (e.g. 402 on a declined card): allowed only where a test says so. */
export const onlyExpectedStatuses = (problems, statuses) =>
  problems.filter((p) => !statuses.some((s) => p.includes(`status of ${s} `)));

export async function shoot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** A fresh admin in the platform database (the admin app's own test helper), for status changes. */
const users = (...args) => execFileSync('php', [join(ROOT, 'admin-service/tests/Browser/users.php'), ...args], { encoding: 'utf8' });
export const createAdmin = () => JSON.parse(users('create', 'admin'));
export const deleteUsers = (...ids) => { try { users('delete', ...ids.map(String)); } catch { /* a user with orders stays */ } };

/** JSON over the platform's entry point; waits out a 429 once (the auth routes' per-IP limit is shared with earlier suites). */
export async function api(path, { method = 'GET', body, token } = {}, retried = false) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 429 && !retried) {
    await new Promise((r) => setTimeout(r, (Number(res.headers.get('retry-after') ?? 30) + 1) * 1000));
    return api(path, { method, body, token }, true);
  }
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
