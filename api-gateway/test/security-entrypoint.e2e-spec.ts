import { readEnvFiles } from '../src/config/load-config';

/**
 * The running platform's public entry point (nginx on NGINX_PORT, started by `make up` /
 * `make test`): security headers on every kind of response, no version in Server, operators'
 * endpoints not public (issue 9's sweep; the headers themselves come from runtime/nginx).
 */
const env = readEnvFiles();
const BASE = `http://127.0.0.1:${env.NGINX_PORT ?? '8080'}`;

const HEADERS: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'content-security-policy': /frame-ancestors 'none'/,
  'permissions-policy': /camera=\(\)/,
};

describe('security: the public entry point at :8080', () => {
  const get = (path: string, init?: RequestInit) => fetch(`${BASE}${path}`, { redirect: 'manual', ...init });

  it.each([
    ['the storefront', '/', 200],
    ['the REST API', '/api/products?pageSize=1', 200],
    ['an API error', '/api/products/abc', 400],
    ['the admin login page', '/admin/login', 200],
    ['liveness', '/health/live', 200],
    ['the JWKS', '/.well-known/jwks.json', 200],
  ])('%s carries the security headers and no server version', async (_what, path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(HEADERS))
      expect([name, res.headers.get(name)]).toEqual([name, expect.stringMatching(value)]);
    expect(res.headers.get('server') ?? '').not.toMatch(/\d/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('GraphQL answers through the entry point with the headers', async () => {
    const res = await get('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('/metrics and /health/ready are not public (they are on :3000 for the operators)', async () => {
    for (const path of ['/metrics', '/health/ready', '/metrics/', '/METRICS', '/Health/Ready/', '/health/ready?x=1']) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      const body = await res.text();
      expect(body).not.toMatch(/process_cpu|http_request|"status":"ok"|redis|postgres/i);
    }
    const direct = await fetch(`http://127.0.0.1:${env.GATEWAY_PORT ?? '3000'}/metrics`);
    expect(direct.status).toBe(200); // still there for Prometheus on the private port
  });
});
