// One identity in a real browser: headless Chromium against nginx (:8080), the admin through php-fpm and
// the storefront through the gateway. Screenshots go to .platform/test-results/admin-browser/ (not committed).
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

const users = (...args) => execFileSync('php', [join(ADMIN_DIR, 'tests/Browser/users.php'), ...args], { encoding: 'utf8' });
const createUser = (role) => JSON.parse(users('create', role));

let browser;
let admin;
let customer;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  admin = createUser('admin');
  customer = createUser('customer');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  users('delete', String(admin?.id ?? 0), String(customer?.id ?? 0));
});

async function signIn(page, user) {
  await page.goto(`${BASE}/admin`);
  await page.waitForURL(`${BASE}/admin/login`);
  await submitLogin(page, user);
  // every browser of this suite is 127.0.0.1 to the gateway's per-IP login limit, shared with the suites
  // before it: when it answers "try again in N seconds", wait that long once (the limit itself is tested in PHPUnit)
  const errors = page.locator('[data-testid=errors]');
  const throttled = ((await errors.count()) ? await errors.textContent() : '').match(/try again in (\d+) seconds/);
  if (throttled) {
    await new Promise((r) => setTimeout(r, (Number(throttled[1]) + 1) * 1000));
    await submitLogin(page, user);
  }
}

async function submitLogin(page, user) {
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=login-form] button[type=submit]')]);
}

const account = (page) => page.locator('[data-testid=account]:not([hidden])');

test('an admin signs in on /admin, sees the dashboard, is recognized on /, signs out of both', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();

  await page.goto(`${BASE}/admin/login`);
  await page.screenshot({ path: join(SHOTS, '1-login.png') });
  await signIn(page, admin);
  await page.waitForURL(`${BASE}/admin/dashboard`);
  assert.equal(await page.locator('[data-testid=signed-in-as]').textContent(), admin.name);
  assert.equal(await page.locator('[data-testid=sidebar] a[aria-current=page]').textContent().then((t) => t.trim()), 'Dashboard');
  await page.screenshot({ path: join(SHOTS, '2-dashboard.png'), fullPage: true });

  const cookies = await context.cookies(BASE);
  const access = cookies.find((c) => c.name === 'access_token');
  assert.ok(access, 'the admin set the shared access_token cookie');
  assert.equal(access.httpOnly, true);
  assert.equal(access.sameSite, 'Lax');
  assert.equal(access.path, '/');

  // the storefront, another app on the same origin, knows who this is
  await page.goto(`${BASE}/`);
  await account(page).waitFor();
  assert.equal(await account(page).textContent(), `Signed in as ${admin.name}`);
  await page.screenshot({ path: join(SHOTS, '3-storefront-signed-in.png') });

  // sign out in the admin
  await page.goto(`${BASE}/admin/dashboard`);
  await page.click('[data-testid=user-menu]');
  await Promise.all([page.waitForURL(`${BASE}/admin/login`), page.click('[data-testid=logout]')]);
  await page.screenshot({ path: join(SHOTS, '4-signed-out.png') });

  // ... and it is over everywhere: the storefront shows a guest, the old token is dead at the gateway
  await page.goto(`${BASE}/`);
  await account(page).waitFor();
  assert.equal(await account(page).textContent(), 'Guest');
  await page.screenshot({ path: join(SHOTS, '5-storefront-guest.png') });
  const me = await fetch(`${BASE}/api/auth/me`, { headers: { Authorization: `Bearer ${access.value}` } });
  assert.equal(me.status, 401, 'the access token from before the logout is revoked');
  await page.goto(`${BASE}/admin/dashboard`);
  await page.waitForURL(`${BASE}/admin/login`);
  await context.close();
});

test('signing out on the storefront signs the admin out too', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, admin);
  await page.waitForURL(`${BASE}/admin/dashboard`);

  const access = (await context.cookies(BASE)).find((c) => c.name === 'access_token').value;
  const adminAnswers = () => fetch(`${BASE}/admin/dashboard`, { headers: { Authorization: `Bearer ${access}`, Accept: 'application/json' } })
    .then((r) => r.status);
  assert.equal(await adminAnswers(), 200);

  await page.goto(`${BASE}/`);
  await account(page).waitFor();
  assert.equal(await account(page).textContent(), `Signed in as ${admin.name}`);
  await page.click('[data-testid=sign-out]');
  await page.waitForFunction(() => document.querySelector('[data-testid=account]').textContent === 'Guest');
  await page.screenshot({ path: join(SHOTS, '5b-storefront-signed-out.png') });

  assert.equal(await adminAnswers(), 401, 'the admin refuses the token the storefront signed out');
  await page.goto(`${BASE}/admin/dashboard`);
  await page.waitForURL(`${BASE}/admin/login`);
  await context.close();
});

test('a customer is refused at /admin with 403', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, customer);
  await page.locator('[data-testid=forbidden]').waitFor(); // the page they came for (/admin/) refuses them
  const response = await page.goto(`${BASE}/admin/dashboard`);
  assert.equal(response.status(), 403);
  await page.locator('[data-testid=forbidden]').waitFor();
  assert.match(await page.locator('[data-testid=forbidden]').textContent(), /Administrators only/);
  await page.screenshot({ path: join(SHOTS, '6-customer-403.png') });
  // the customer is still the same person on the storefront
  await page.goto(`${BASE}/`);
  await account(page).waitFor();
  assert.equal(await account(page).textContent(), `Signed in as ${customer.name}`);
  await context.close();
});

test('the shell is responsive: the sidebar is a drawer on a phone, and dark mode sticks', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, admin);
  await page.waitForURL(`${BASE}/admin/dashboard`);
  const sidebar = page.locator('[data-testid=sidebar]');
  const sidebarLeft = async () => (await sidebar.boundingBox()).x;
  assert.ok((await sidebarLeft()) < 0, 'the sidebar is off-canvas on a phone');
  await page.click('[data-testid=open-sidebar]');
  await page.waitForFunction(() => document.querySelector('[data-testid=sidebar]').getBoundingClientRect().x >= 0);
  await page.screenshot({ path: join(SHOTS, '7-phone-drawer.png') });
  await page.locator('[data-testid=sidebar] a', { hasText: 'Products' }).click();
  await page.waitForURL(`${BASE}/admin/products`);
  await page.locator('[data-testid=products], [data-testid=coming-soon]').first().waitFor();

  const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
  const before = await dark();
  await page.click('header [data-testid=theme-toggle]');
  assert.equal(await dark(), !before);
  await page.reload();
  assert.equal(await dark(), !before, 'the choice survives a reload');
  await page.screenshot({ path: join(SHOTS, '8-phone-theme.png') });
  await context.close();
});
