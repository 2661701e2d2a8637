import { createUser, login, startApp, TestContext, unique } from './support/test-app';

describe('identity: register, login, refresh rotation, logout, me', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ BCRYPT_COST: '12' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('registers a customer with a bcrypt $2b$12 hash and returns tokens', async () => {
    const email = `${unique('reg')}@Example.test`;
    const res = await ctx.http().post('/api/auth/register').send({ email, password: 'Str0ng-enough', name: 'Reg User' }).expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        user: expect.objectContaining({ email: email.toLowerCase(), role: 'customer' }),
      }),
    );
    expect(res.body.user.passwordHash).toBeUndefined();
    const { rows } = await ctx.db.query('SELECT password_hash, role FROM users WHERE lower(email) = lower($1)', [email]);
    expect(rows[0].password_hash).toMatch(/^\$2b\$12\$/);
    // duplicate (case-insensitive) -> 409 naming email
    const dup = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email: email.toUpperCase(), password: 'Str0ng-enough', name: 'X' })
      .expect(409);
    expect(dup.body.details[0].field).toBe('email');
  });

  it('rejects weak passwords and role escalation attempts', async () => {
    const email = `${unique('weak')}@example.test`;
    const weak = await ctx.http().post('/api/auth/register').send({ email, password: 'short1', name: 'W' }).expect(400);
    expect(weak.body.details.map((d: { field: string }) => d.field)).toContain('password');
    const letters = await ctx.http().post('/api/auth/register').send({ email, password: 'onlyletterslong', name: 'W' }).expect(400);
    expect(letters.body.details[0].field).toBe('password');
    const role = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email, password: 'Str0ng-enough', name: 'W', role: 'admin' })
      .expect(400);
    expect(role.body.details[0].field).toBe('role');
    const { rows } = await ctx.db.query('SELECT count(*)::int n FROM users WHERE email = $1', [email]);
    expect(rows[0].n).toBe(0);
  });

  it('logs in (200, Bearer) and rejects a wrong password with 401', async () => {
    const u = await createUser(ctx.db, 'customer');
    const res = await ctx.http().post('/api/auth/login').send({ email: u.email.toUpperCase(), password: u.password }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ tokenType: 'Bearer', expiresIn: 900, user: expect.objectContaining({ id: u.id }) }));
    await ctx.http().post('/api/auth/login').send({ email: u.email, password: 'Wrong-pass-123' }).expect(401);
    const me = await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.email).toBe(u.email);
  });

  it('rehashes a password of another bcrypt cost at the configured cost on login (issue 9, F8)', async () => {
    const u = await createUser(ctx.db, 'customer'); // cost 4
    await login(ctx, u);
    const { rows } = await ctx.db.query('SELECT password_hash, token_version FROM users WHERE id = $1', [u.id]);
    expect(rows[0].password_hash).toMatch(/^\$2b\$12\$/);
    expect(rows[0].token_version).toBe(0);
    await login(ctx, u);
  });

  it('refuses passwords under 12 characters and common ones (issue 9, F9)', async () => {
    for (const password of ['password12', 'aaaaaaaaa1', 'qwerty123456', 'Passw0rd-11']) {
      const res = await ctx
        .http()
        .post('/api/auth/register')
        .send({ email: `${unique('f9')}@example.test`, password, name: 'W' })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['password']));
    }
  });

  it('accepts PHP $2y$ hashes', async () => {
    const u = await createUser(ctx.db, 'customer');
    await ctx.db.query(`UPDATE users SET password_hash = regexp_replace(password_hash, '^\\$2[ab]\\$', '$2y$') WHERE id = $1`, [u.id]);
    const { rows } = await ctx.db.query('SELECT password_hash FROM users WHERE id = $1', [u.id]);
    expect(rows[0].password_hash.startsWith('$2y$')).toBe(true);
    await login(ctx, u);
  });

  it('rotates refresh tokens and revokes the family on reuse', async () => {
    const u = await createUser(ctx.db, 'customer');
    const first = await login(ctx, u);
    const second = await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const { rows: stored } = await ctx.db.query(
      'SELECT token_hash, revoked_at, replaced_by FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at',
      [u.id],
    );
    expect(stored).toHaveLength(2);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.map((r) => r.token_hash)).not.toContain(first.refreshToken);
    expect(stored[0].revoked_at).not.toBeNull();
    // reuse of the rotated token -> 401 and the whole family (incl. the fresh token) is revoked
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    const { rows: alive } = await ctx.db.query('SELECT count(*)::int n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [
      u.id,
    ]);
    expect(alive[0].n).toBe(0);
  });

  it('GET /api/auth/session answers 200 for guests (user null), names a signed-in user, and says when a refresh cookie could restore one', async () => {
    await ctx.http().get('/api/auth/me').expect(401);
    expect((await ctx.http().get('/api/auth/session').expect(200)).body).toEqual({ user: null, refreshable: false });
    const u = await createUser(ctx.db, 'customer');
    const t = await login(ctx, u);
    const signedIn = await ctx.http().get('/api/auth/session').set('Cookie', `access_token=${t.accessToken}`).expect(200);
    expect(signedIn.body).toEqual({ user: expect.objectContaining({ id: u.id, email: u.email }), refreshable: false });
    const stale = await ctx
      .http()
      .get('/api/auth/session')
      .set('Cookie', `access_token=garbage; refresh_token=${t.refreshToken}`)
      .expect(200);
    expect(stale.body).toEqual({ user: null, refreshable: true });
    await ctx.http().post('/api/auth/logout').set('Authorization', `Bearer ${t.accessToken}`).expect(204);
    expect((await ctx.http().get('/api/auth/session').set('Cookie', `access_token=${t.accessToken}`).expect(200)).body.user).toBeNull();
  });

  it('logout revokes the access token at once and the refresh family', async () => {
    const u = await createUser(ctx.db, 'customer');
    const t = await login(ctx, u);
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${t.accessToken}`).expect(200);
    await ctx.http().post('/api/auth/logout').set('Authorization', `Bearer ${t.accessToken}`).expect(204);
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${t.accessToken}`).expect(401);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: t.refreshToken }).expect(401);
    const keys = await ctx.keys('auth:revoked:*');
    expect(keys.length).toBeGreaterThan(0);
    const ttl = await ctx.redis.ttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(905);
  });

  it('token_version bump and disabling a user revoke issued tokens at once', async () => {
    const u = await createUser(ctx.db, 'customer');
    const t = await login(ctx, u);
    await ctx.db.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [u.id]);
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${t.accessToken}`).expect(401);
    const t2 = await login(ctx, u);
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${t2.accessToken}`).expect(200);
    await ctx.db.query('UPDATE users SET is_disabled = true WHERE id = $1', [u.id]);
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${t2.accessToken}`).expect(401);
    await ctx.http().post('/api/auth/login').send({ email: u.email, password: u.password }).expect(401);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: t2.refreshToken }).expect(401);
  });

  it('a token_version bump also ends refresh sessions issued before it', async () => {
    const u = await createUser(ctx.db, 'customer');
    const t = await login(ctx, u);
    expect(t.refreshToken).toMatch(/^0\./);
    await ctx.db.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [u.id]);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: t.refreshToken }).expect(401);
    const fresh = await login(ctx, u);
    expect(fresh.refreshToken).toMatch(/^1\./);
    const rotated = await ctx.http().post('/api/auth/refresh').send({ refreshToken: fresh.refreshToken }).expect(200);
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(200);
  });
});
