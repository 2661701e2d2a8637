import { createApiKey } from './support/api-keys';
import { createUser, login, startApp, TestContext } from './support/test-app';

/** Service API keys on real PostgreSQL + Redis: only @ServiceRoute routes accept them. */
describe('service API keys (X-Api-Key)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // sources the ops report cannot reach answer "unavailable" fast; this suite is about the key checks
    ctx = await startApp({ OPS_SOURCE_TIMEOUT_MS: '500' });
  });
  afterAll(async () => ctx?.close());

  const pipeline = (key?: string) => {
    const r = ctx.http().get('/api/ops/pipeline');
    return key === undefined ? r : r.set('X-Api-Key', key);
  };

  it('missing key -> 401', async () => {
    const res = await pipeline().expect(401);
    expect(res.body.message).toBe('Missing X-Api-Key');
  });

  it('malformed and unknown (well-formed, never issued) keys -> 401', async () => {
    await pipeline('not-a-key').expect(401);
    await pipeline(`cpk_${'x'.repeat(40)}`).expect(401);
  });

  it('revoked key -> 401', async () => {
    const { key } = await createApiKey(ctx.db, { scopes: ['ops:read'], revokedAt: new Date(Date.now() - 1000) });
    expect((await pipeline(key).expect(401)).body.message).toBe('API key revoked');
  });

  it('expired key -> 401', async () => {
    const { key } = await createApiKey(ctx.db, { scopes: ['ops:read'], expiresAt: new Date(Date.now() - 1000) });
    expect((await pipeline(key).expect(401)).body.message).toBe('API key expired');
  });

  it('a revocation applies to the very next request', async () => {
    const { id, key } = await createApiKey(ctx.db, { scopes: ['ops:read'] });
    await pipeline(key).expect(200);
    await ctx.db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
    await pipeline(key).expect(401);
  });

  it('out-of-scope key -> 403 (ops:write cannot read, ops:read cannot restart)', async () => {
    const writer = await createApiKey(ctx.db, { scopes: ['ops:write'] });
    expect((await pipeline(writer.key).expect(403)).body.message).toBe('API key lacks scope ops:read');
    const reader = await createApiKey(ctx.db, { scopes: ['ops:read'] });
    await ctx.http().post('/api/ops/connector/restart').set('X-Api-Key', reader.key).send({}).expect(403);
  });

  it('a right key on the ops route works, is logged by id and prefix (never the key) and marks last_used_at', async () => {
    const { id, key, prefix } = await createApiKey(ctx.db, { scopes: ['ops:read'] });
    const res = await pipeline(key).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ generatedAt: expect.any(String), healthy: expect.any(Boolean) }));
    for (const s of ['connector', 'replicationSlot', 'consumerGroup', 'indexer', 'index'])
      expect(['ok', 'unavailable']).toContain(res.body[s].status);
    const line = ctx.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'request completed' && l.path === '/api/ops/pipeline' && l.apiKeyId === id);
    expect(line).toEqual(expect.objectContaining({ apiKeyPrefix: prefix, status: 200 }));
    expect(ctx.logs.join('\n')).not.toContain(key);
    // last_used_at is written in the background
    for (let i = 0; i < 50; i++) {
      const { rows } = await ctx.db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id]);
      if (rows[0].last_used_at) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('last_used_at was never set');
  });

  it('a right key on a user route does not authenticate (401), with or without a role requirement', async () => {
    const { key } = await createApiKey(ctx.db, { scopes: ['ops:read', 'ops:write', 'search:reindex'] });
    await ctx.http().get('/api/auth/me').set('X-Api-Key', key).expect(401);
    await ctx.http().post('/api/products').set('X-Api-Key', key).send({}).expect(401);
    await ctx.http().post('/api/auth/password/verify').set('X-Api-Key', key).send({ password: 'x' }).expect(401);
  });

  it('a user token (even an admin one) does not open a service route', async () => {
    const admin = await createUser(ctx.db, 'admin');
    const { accessToken } = await login(ctx, admin);
    await ctx.http().get('/api/ops/pipeline').set('Authorization', `Bearer ${accessToken}`).expect(401);
  });
});

describe('service API keys: per-key rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ OPS_SOURCE_TIMEOUT_MS: '500', API_KEY_RATE_LIMIT: '3', API_KEY_RATE_TTL_SECONDS: '60' });
  });
  afterAll(async () => ctx?.close());

  it('the 4th request of a key within the window gets 429 with Retry-After; another key is unaffected', async () => {
    const a = await createApiKey(ctx.db, { scopes: ['ops:read'] });
    const b = await createApiKey(ctx.db, { scopes: ['ops:read'] });
    for (let i = 0; i < 3; i++) await ctx.http().get('/api/ops/pipeline').set('X-Api-Key', a.key).expect(200);
    const limited = await ctx.http().get('/api/ops/pipeline').set('X-Api-Key', a.key).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toContain(a.prefix);
    await ctx.http().get('/api/ops/pipeline').set('X-Api-Key', b.key).expect(200);
  });
});
