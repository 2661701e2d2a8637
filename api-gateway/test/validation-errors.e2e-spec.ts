import { count, createCategoryTree, createUser, login, startApp, TestContext, unique } from './support/test-app';

const fields = (res: { body: { details?: Array<{ field: string }> } }) => (res.body.details ?? []).map((d) => d.field);

describe('validation, error shape, request ids and request logs', () => {
  let ctx: TestContext;
  let admin: string;
  let categoryId: number;
  const valid = () => ({ sku: unique('V-'), name: 'Valid', price: 1, categoryId, brand: 'ValidBrand', attributes: {} });

  beforeAll(async () => {
    ctx = await startApp();
    admin = (await login(ctx, await createUser(ctx.db, 'admin'))).accessToken;
    categoryId = (await createCategoryTree(ctx.db)).childId;
  });
  afterAll(async () => {
    await ctx.close();
  });

  const post = (b: unknown) =>
    ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .send(b as object);

  it.each([
    ['unknown field', { extra: 1 }, 'extra'],
    ['wrong type price', { price: 'cheap' }, 'price'],
    ['negative price', { price: -1 }, 'price'],
    ['too many decimals', { price: 1.234 }, 'price'],
    ['wrong type categoryId', { categoryId: '7' }, 'categoryId'],
    ['nested attributes', { attributes: { a: { b: 1 } } }, 'attributes'],
    ['bad status', { status: 'archived' }, 'status'],
    ['negative stock', { stock: -3 }, 'stock'],
    ['missing sku', { sku: undefined }, 'sku'],
  ])('%s -> 400 naming the field and nothing written', async (_name, patch, field) => {
    const before = await count(ctx.db, 'products');
    const res = await post({ ...valid(), ...patch }).expect(400);
    expect(fields(res)).toContain(field);
    expect(await count(ctx.db, 'products')).toBe(before);
  });

  it.each([
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ pageSize: '500' }, 'pageSize'],
    [{ minPrice: '-1' }, 'minPrice'],
    [{ minPrice: '9', maxPrice: '1' }, 'minPrice'],
    [{ sort: 'random' }, 'sort'],
    [{ cursor: 'garbage' }, 'cursor'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ page: '0' }, 'page'],
    [{ inStock: 'maybe' }, 'inStock'],
  ])('GET /api/products %j -> 400 naming the parameter', async (query, field) => {
    const res = await ctx.http().get('/api/products').query(query).expect(400);
    expect(fields(res)).toEqual([field]);
  });

  it('non-numeric id -> 400 naming id', async () => {
    const res = await ctx.http().get('/api/products/abc').expect(400);
    expect(fields(res)).toEqual(['id']);
    await ctx.http().get('/api/products/999999999').expect(404);
  });

  it('malformed JSON -> 400, 2 MB body -> 413, both in the error shape and nothing written', async () => {
    const before = await count(ctx.db, 'products');
    const bad = await ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"sku": "x",')
      .expect(400);
    expect(bad.body).toEqual(
      expect.objectContaining({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String), path: '/api/products' }),
    );
    const big = await post({ ...valid(), description: 'x'.repeat(2 * 1024 * 1024) }).expect(413);
    expect(big.body.statusCode).toBe(413);
    expect(await count(ctx.db, 'products')).toBe(before);
  });

  it('error shape and X-Request-Id echo', async () => {
    const res = await ctx.http().get('/api/products/abc').set('X-Request-Id', 'test-req-123').expect(400);
    expect(res.headers['x-request-id']).toBe('test-req-123');
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
      details: [{ field: 'id', message: expect.any(String) }],
      requestId: 'test-req-123',
      path: '/api/products/abc',
      timestamp: expect.any(String),
    });
    const gen = await ctx.http().get('/api/nope').expect(404);
    expect(gen.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(gen.body.requestId).toBe(gen.headers['x-request-id']);
    expect(gen.body.stack).toBeUndefined();
  });

  it('writes one log line per request with method/path/status/duration/userId and never the password or tokens', async () => {
    const password = 'Very-secret-pass-42';
    const email = `${unique('log')}@example.test`;
    const reg = await ctx
      .http()
      .post('/api/auth/register')
      .set('X-Request-Id', 'log-req-1')
      .send({ email, password, name: 'Logger' })
      .expect(201);
    await ctx
      .http()
      .get('/api/auth/me')
      .set('X-Request-Id', 'log-req-2')
      .set('Authorization', `Bearer ${reg.body.accessToken}`)
      .expect(200);
    await new Promise((r) => setTimeout(r, 50));
    const lines = ctx.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const one = lines.filter((l) => l.requestId === 'log-req-1');
    expect(one).toHaveLength(1);
    expect(one[0]).toEqual(
      expect.objectContaining({ method: 'POST', path: '/api/auth/register', status: 201, durationMs: expect.any(Number) }),
    );
    const two = lines.find((l) => l.requestId === 'log-req-2');
    expect(two).toEqual(expect.objectContaining({ userId: reg.body.user.id, status: 200 }));
    const all = ctx.logs.join('\n');
    expect(all).not.toContain(password);
    expect(all).not.toContain(reg.body.accessToken);
    expect(all).not.toContain(reg.body.refreshToken);
  });
});
