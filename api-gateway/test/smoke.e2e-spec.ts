import { createCategoryTree, startApp, TestContext, unique } from './support/test-app';

describe('gateway smoke', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('serves health, metrics, jwks and docs outside/inside the api prefix', async () => {
    await ctx.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await ctx.http().get('/health/ready').expect(200);
    expect(ready.body.info).toEqual(expect.objectContaining({ postgres: { status: 'up' }, redis: { status: 'up' } }));
    expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'up', search: 'up' });
    const jwks = await ctx.http().get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys[0]).toEqual(expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) }));
    expect(jwks.body.keys[0].d).toBeUndefined();
    const docs = await ctx.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/products', '/api/products/{id}', '/api/auth/login']));
    const ui = await ctx.http().get('/api/docs').expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    // a product of this test (the run's database is shared by the suites): 200 for it, 404 for an id that cannot exist
    const { childId } = await createCategoryTree(ctx.db);
    const brand = (await ctx.db.query(`INSERT INTO brands (name, slug) VALUES ($1, $1) RETURNING id`, [unique('smoke-brand')])).rows[0].id;
    const id = (
      await ctx.db.query(
        `INSERT INTO products (sku, name, slug, price, category_id, brand_id) VALUES ($1, 'Smoke', $1, 1, $2, $3) RETURNING id`,
        [unique('smoke'), childId, brand],
      )
    ).rows[0].id;
    await ctx.http().get(`/api/products/${id}`).expect(200);
    await ctx.http().get('/api/products/999999999').expect(404);
    const metrics = await ctx.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toMatch(/route="\/api\/products\/:id"/);
  });
});
