import { startApp, TestContext, unique } from './support/test-app';

describe('rate limiting on login/register (Redis-backed, shared across instances)', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await startApp({ AUTH_RATE_LIMIT: '3', AUTH_RATE_TTL_SECONDS: '60' });
    b = await startApp({ AUTH_RATE_LIMIT: '3', AUTH_RATE_TTL_SECONDS: '60' });
    const keys = await a.keys('throttle:*'); // test-only cleanup of earlier suites' counters
    if (keys.length) await a.redis.del(...keys);
  });
  afterAll(async () => {
    const keys = await a.keys('throttle:*'); // don't leave blocks behind for later suites
    if (keys.length) await a.redis.del(...keys);
    await a.close();
    await b.close();
  });

  it('returns 429 with Retry-After once the limit is spent across two app instances', async () => {
    const creds = { email: `${unique('rl')}@example.test`, password: 'Wrong-pass-123' };
    await a.http().post('/api/auth/login').send(creds).expect(401);
    await b.http().post('/api/auth/login').send(creds).expect(401);
    await a.http().post('/api/auth/login').send(creds).expect(401);
    const res = await b.http().post('/api/auth/login').send(creds).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 429, error: 'Too Many Requests', requestId: expect.any(String) }));
    const keys = await a.keys('throttle:*');
    expect(keys.length).toBeGreaterThan(0);
  });

  it('limits register too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await a
        .http()
        .post('/api/auth/register')
        .send({ email: `${unique('rr')}@example.test`, password: 'short', name: 'x' });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses[3]).toBe(429);
  });
});
