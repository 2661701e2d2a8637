import { createUser, startApp, TestContext, unique } from './support/test-app';

/**
 * Issue 9 F6: login has a per-account bucket besides the per-IP one, refresh and register are
 * throttled, and X-Forwarded-For counts only when the peer is a trusted proxy.
 * The test client connects from 127.0.0.1: trusted with TRUST_PROXY=loopback, not with `false`.
 */
describe('security: rate limits with and without a trusted proxy (F6)', () => {
  const apps: TestContext[] = [];
  const clear = async (ctx: TestContext) => {
    const keys = [...(await ctx.keys('throttle:*')), ...(await ctx.keys('ratelimit:*'))];
    if (keys.length) await ctx.redis.del(...keys);
  };
  async function app(env: Record<string, string>): Promise<TestContext> {
    const ctx = await startApp(env);
    apps.push(ctx);
    await clear(ctx);
    return ctx;
  }
  afterEach(async () => {
    for (const ctx of apps.splice(0)) {
      await clear(ctx);
      await ctx.close();
    }
  });

  const loginFrom = (ctx: TestContext, ip: string, email: string, password: string) =>
    ctx.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('the same account from ever new forwarded IPs is blocked after AUTH_ACCOUNT_RATE_LIMIT failures, even with the right password', async () => {
    const ctx = await app({ TRUST_PROXY: 'loopback', AUTH_RATE_LIMIT: '100', AUTH_ACCOUNT_RATE_LIMIT: '3' });
    const u = await createUser(ctx.db, 'customer');
    for (let i = 1; i <= 3; i++) await loginFrom(ctx, `203.0.113.${i}`, u.email, 'Wrong-pass-123').expect(401);
    const blocked = await loginFrom(ctx, '203.0.113.50', u.email.toUpperCase(), u.password).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // another account is not affected, and a success resets the account's failures
    const other = await createUser(ctx.db, 'customer');
    await loginFrom(ctx, '203.0.113.51', other.email, 'Wrong-pass-123').expect(401);
    await loginFrom(ctx, '203.0.113.52', other.email, other.password).expect(200);
    for (let i = 0; i < 2; i++) await loginFrom(ctx, '203.0.113.53', other.email, 'Wrong-pass-123').expect(401);
    await loginFrom(ctx, '203.0.113.54', other.email, other.password).expect(200);
  });

  it('behind the trusted proxy, each forwarded client has its own IP bucket', async () => {
    const ctx = await app({ TRUST_PROXY: 'loopback', AUTH_RATE_LIMIT: '2' });
    for (let i = 0; i < 2; i++) await loginFrom(ctx, '198.51.100.1', `${unique('ip')}@example.test`, 'Wrong-pass-123').expect(401);
    await loginFrom(ctx, '198.51.100.1', `${unique('ip')}@example.test`, 'Wrong-pass-123').expect(429);
    await loginFrom(ctx, '198.51.100.2', `${unique('ip')}@example.test`, 'Wrong-pass-123').expect(401); // nginx's other users are not locked out
  });

  it('a spoofed X-Forwarded-For from a peer that is not a trusted proxy is ignored', async () => {
    const ctx = await app({ TRUST_PROXY: 'false', AUTH_RATE_LIMIT: '2' });
    await loginFrom(ctx, '192.0.2.1', `${unique('sp')}@example.test`, 'Wrong-pass-123').expect(401);
    await loginFrom(ctx, '192.0.2.2', `${unique('sp')}@example.test`, 'Wrong-pass-123').expect(401);
    await loginFrom(ctx, '192.0.2.3', `${unique('sp')}@example.test`, 'Wrong-pass-123').expect(429);
    const subnet = await app({ TRUST_PROXY: '10.0.0.0/8', AUTH_RATE_LIMIT: '1' });
    await loginFrom(subnet, '192.0.2.4', `${unique('sp')}@example.test`, 'Wrong-pass-123').expect(401);
    await loginFrom(subnet, '192.0.2.5', `${unique('sp')}@example.test`, 'Wrong-pass-123').expect(429);
  });

  it('refresh is throttled per IP', async () => {
    const ctx = await app({ AUTH_RATE_LIMIT: '2' });
    const bogus = `0.${'a'.repeat(43)}`;
    for (let i = 0; i < 2; i++) await ctx.http().post('/api/auth/refresh').send({ refreshToken: bogus }).expect(401);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: bogus }).expect(429);
  });

  it('register is limited per email from any IP', async () => {
    const ctx = await app({ TRUST_PROXY: 'loopback', AUTH_RATE_LIMIT: '100', AUTH_ACCOUNT_RATE_LIMIT: '2' });
    const email = `${unique('re')}@example.test`;
    await ctx
      .http()
      .post('/api/auth/register')
      .set('X-Forwarded-For', '203.0.113.10')
      .send({ email, password: 'Registering-42', name: 'R' })
      .expect(201);
    await ctx
      .http()
      .post('/api/auth/register')
      .set('X-Forwarded-For', '203.0.113.11')
      .send({ email, password: 'Registering-42', name: 'R' })
      .expect(409);
    await ctx
      .http()
      .post('/api/auth/register')
      .set('X-Forwarded-For', '203.0.113.12')
      .send({ email, password: 'Registering-42', name: 'R' })
      .expect(429);
  });
});
