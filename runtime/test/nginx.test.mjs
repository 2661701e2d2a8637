// The entry point (runtime/nginx/commerce.conf.template) on the running platform, through :8080:
// request ids kept/generated and passed upstream (REST, GraphQL, admin), operators' endpoints not
// public, gzip, per-route body limits, /media/ with caching headers; and `nginx -t` of the template
// rendered the way the native runtime renders it.
// Needs: make up (make test starts the whole platform first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import http from 'node:http';
import { ROOT, env } from '../support.mjs';

const BASE = `http://127.0.0.1:${env.NGINX_PORT || 8080}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const get = (path, headers = {}, init = {}) => fetch(BASE + path, { redirect: 'manual', ...init, headers });

/** The native site config (the component's render_site), as a shell would produce it. */
function renderNative() {
  const r = spawnSync('bash', ['-c', `NAME=nginx; . runtime/lib.sh; load_env; STATE=$(mktemp -d); . runtime/components/nginx.sh; render_site`],
    { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('nginx -t accepts the template rendered with the native values', () => {
  const dir = mkdtempSync(`${tmpdir()}/nginx-t-`);
  writeFileSync(`${dir}/site.conf`, renderNative());
  writeFileSync(`${dir}/nginx.conf`, `pid ${dir}/nginx.pid; error_log stderr;
events {}
http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${dir}; include ${dir}/site.conf; }`);
  writeFileSync(`${dir}/fastcgi_params`, readFileSync('/etc/nginx/fastcgi_params'));
  const r = spawnSync('nginx', ['-t', '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /syntax is ok/);
});

test('X-Request-Id: abc-123 comes back unchanged from REST, /graphql and /admin, and reaches the gateway', async () => {
  const rest = await get('/api/products?pageSize=1', { 'X-Request-Id': 'abc-123' });
  assert.equal(rest.status, 200);
  assert.equal(rest.headers.get('x-request-id'), 'abc-123');

  // the gateway saw the same id: it puts it in its error bodies
  const bad = await get('/api/products?nosuchparam=1', { 'X-Request-Id': 'abc-123' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).requestId, 'abc-123');

  const gql = await get('/graphql', { 'X-Request-Id': 'abc-123', 'Content-Type': 'application/json' },
    { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) });
  assert.equal(gql.status, 200);
  assert.equal(gql.headers.get('x-request-id'), 'abc-123');

  const admin = await get('/admin/login', { 'X-Request-Id': 'abc-123' });
  assert.equal(admin.status, 200);
  assert.equal(admin.headers.get('x-request-id'), 'abc-123');
});

test('a GraphQL request id reaches the gateway (its request log has it)', async () => {
  const id = `gql-${Date.now()}`;
  const res = await get('/graphql', { 'X-Request-Id': id, 'Content-Type': 'application/json' },
    { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) });
  assert.equal(res.status, 200);
  const log = `${ROOT}.platform/api-gateway/api-gateway.log`;
  for (let i = 0; i < 20 && !readFileSync(log, 'utf8').includes(`"requestId":"${id}"`); i++) await sleep(100);
  assert.ok(readFileSync(log, 'utf8').includes(`"requestId":"${id}"`), 'gateway log line with the request id');
});

test('an invalid or missing X-Request-Id is replaced by a generated one, which is in the access log', async () => {
  const res = await get('/api/products?pageSize=1', { 'X-Request-Id': 'not valid; <script>' });
  const id = res.headers.get('x-request-id');
  assert.match(id, /^[0-9a-f]{32}$/);
  const none = await get('/api/products?pageSize=1');
  assert.match(none.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
  assert.notEqual(none.headers.get('x-request-id'), id);
  const log = `${ROOT}.platform/nginx/access.log`;
  for (let i = 0; i < 20 && !readFileSync(log, 'utf8').includes(`rid=${id}`); i++) await sleep(100);
  assert.ok(readFileSync(log, 'utf8').includes(`rid=${id} `), 'access log line with rid=<id>');
});

test('/metrics and /health/ready are 404 through :8080 (the gateway still serves them on its own port)', async () => {
  for (const path of ['/metrics', '/METRICS', '/metrics/', '/health/ready']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(await res.text(), /process_cpu|# HELP/, path);
  }
  const direct = await fetch(`http://127.0.0.1:${env.GATEWAY_PORT || 3000}/metrics`);
  assert.equal(direct.status, 200, 'the gateway has metrics, so the 404 above is nginx');
  assert.equal((await get('/health/live')).status, 200);
});

test("the gateway keeps an idle connection open longer than nginx's upstream keepalive (no 502 from a reused, closing connection)", async () => {
  const template = readFileSync(`${ROOT}runtime/nginx/commerce.conf.template`, 'utf8');
  const upstream = /upstream api_gateway \{[^}]*\}/.exec(template)?.[0] ?? '';
  const nginxSeconds = Number(/keepalive_timeout (\d+)s/.exec(upstream)?.[1] ?? 60); // nginx's default is 60 s
  const agent = new http.Agent({ keepAlive: true });
  const keepAlive = await new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${env.GATEWAY_PORT || 3000}/health/live`, { agent }, (res) => {
      res.resume().on('end', () => resolve(res.headers['keep-alive'] ?? ''));
    }).on('error', reject);
  });
  agent.destroy();
  const gatewaySeconds = Number(/timeout=(\d+)/.exec(keepAlive)?.[1]);
  assert.ok(gatewaySeconds > nginxSeconds, `gateway keep-alive ${gatewaySeconds} s must exceed nginx's upstream keepalive_timeout ${nginxSeconds} s`);
});

test('JSON is gzipped for clients that accept it', async () => {
  // fetch() decodes transparently: read the raw bytes with node:http instead
  const { headers, body } = await new Promise((resolve, reject) => {
    http.get(`${BASE}/api/products?pageSize=24`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
  assert.equal(headers['content-encoding'], 'gzip');
  assert.ok(JSON.parse(gunzipSync(body).toString()).items.length > 0);
});

test('body limits per route: /graphql refuses 300 KB, /api/ 2 MB, /admin takes more than 1 MB', async () => {
  const big = (n) => JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(n) });
  assert.equal((await get('/graphql', { 'Content-Type': 'application/json' }, { method: 'POST', body: big(300_000) })).status, 413);
  assert.equal((await get('/api/auth/login', { 'Content-Type': 'application/json' }, { method: 'POST', body: big(2_000_000) })).status, 413);
  // 2 MB to the admin passes nginx (Laravel answers: CSRF 419 or a redirect, but not 413)
  const admin = await get('/admin/login', { 'Content-Type': 'application/x-www-form-urlencoded' }, { method: 'POST', body: `x=${'y'.repeat(2_000_000)}` });
  assert.notEqual(admin.status, 413);
});

test('/media/ serves product images from the media directory with caching headers', async () => {
  const dir = env.MEDIA_ROOT || `${ROOT}admin-service/storage/app/media`;
  const name = `nginx-test-${Date.now()}.txt`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, 'media ok');
  try {
    const res = await get(`/media/${name}`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'media ok');
    assert.match(res.headers.get('cache-control') || '', /max-age=604800/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'security headers on static files too');
  } finally {
    rmSync(`${dir}/${name}`, { force: true });
  }
  assert.equal((await get(`/media/${name}`)).status, 404);
  assert.equal(existsSync(`${dir}/${name}`), false);
  // no way out of the media directory (raw path: fetch() would normalize the dots away)
  const escaped = await new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: Number(env.NGINX_PORT || 8080), path: '/media/../../../.env.example' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve(body));
    }).on('error', reject);
  });
  assert.doesNotMatch(escaped, /DB_PASSWORD=/);
});
