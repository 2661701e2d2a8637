import { startApp, TestContext } from './support/test-app';

describe('gateway smoke', () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await startApp(); });
  afterAll(async () => { await ctx.close(); });

  it('serves health, metrics, jwks and docs outside/inside the api prefix', async () => {
    await ctx.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await ctx.http().get('/health/ready').expect(200);
    expect(ready.body.info).toEqual(expect.objectContaining({ postgres: { status: 'up' }, redis: { status: 'up' } }));
    const jwks = await ctx.http().get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys[0]).toEqual(expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) }));
    expect(jwks.body.keys[0].d).toBeUndefined();
    const docs = await ctx.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/products', '/api/products/{id}', '/api/auth/login']));
    await ctx.http().get('/api/docs').expect((r) => expect([200, 301]).toContain(r.status));
    await ctx.http().get('/api/products/1').expect((r) => expect([200, 404]).toContain(r.status));
    const metrics = await ctx.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toMatch(/route="\/api\/products\/:id"/);
  });
});
