import { createUser, login, startApp, TestContext } from './support/test-app';

/** Issue 12's "tried as a new user": one clear message per field, a token error that says so, a throttle that says when. */
describe('error messages a new user can act on', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ AUTH_RATE_LIMIT: '3' });
    await clearThrottleCounters(); // earlier suites' logins from this address count against the limit of 3
  });
  afterAll(async () => {
    await clearThrottleCounters(); // don't leave a block behind for later suites
    await ctx.close();
  });
  const clearThrottleCounters = async () => {
    const keys = await ctx.keys('throttle:*');
    if (keys.length) await ctx.redis.del(...keys);
  };

  it('a body of {} gets one "is required" per missing field, each field named once', async () => {
    const admin = (await login(ctx, await createUser(ctx.db, 'admin'))).accessToken;
    const res = await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send({}).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name is required' },
        { field: 'price', message: 'price is required' },
        { field: 'sku', message: 'sku is required' },
      ]),
    );
    expect(res.body.details.length).toBeLessThanOrEqual(6); // sku, name, price, categoryId, brand, attributes (was 15)
    const neg = await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send({ price: -1 }).expect(400);
    expect(neg.body.details).toContainEqual({ field: 'price', message: 'price must be ≥ 0' });
  });

  it('a garbage bearer token is "Invalid token", no token at all says what to send', async () => {
    const bad = await ctx.http().get('/api/auth/me').set('Authorization', 'Bearer garbage').expect(401);
    expect(bad.body.message).toMatch(/^Invalid token/);
    const none = await ctx.http().get('/api/auth/me').expect(401);
    expect(none.body.message).toMatch(/^Authentication required/);
  });

  it('a throttled login says so and when to retry (never a class name)', async () => {
    let last = await ctx.http().post('/api/auth/login').send({ email: 'nobody@example.test', password: 'wrong-password-1' });
    for (let i = 0; i < 5 && last.status !== 429; i++) {
      last = await ctx.http().post('/api/auth/login').send({ email: 'nobody@example.test', password: 'wrong-password-1' });
    }
    expect(last.status).toBe(429);
    expect(last.body.message).toMatch(/^Too many login attempts; retry in \d+ s$/);
    expect(last.body.message).not.toMatch(/Exception/);
  });

  it('hostile bodies are 400 naming the problem, not 500: 5,000 levels of nesting, a lone surrogate', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const nested = await ctx.http().post('/api/auth/register').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(nested.body.details).toEqual([{ field: 'body', message: expect.stringMatching(/nested more than \d+ levels/) }]);
    const surrogate = '{"email":"\\ud800@example.com","password":"Passw0rd-long-enough","name":"x"}';
    const bad = await ctx.http().post('/api/auth/register').set('Content-Type', 'application/json').send(surrogate).expect(400);
    expect(bad.body.details).toEqual([{ field: 'email', message: 'contains malformed unicode (a lone surrogate)' }]);
  });
});
