import { createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SignJWT } from 'jose';
import { RevocationService } from '../src/auth/revocation.service';
import { LiveApp, PLATFORM_ORIGIN as ORIGIN, startLiveApp, within } from './support/live-app';
import { createUser, login, TestContext, unique } from './support/test-app';
import { TEST_KEYS_DIR } from './support/test-env';

const jwtClaims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string; jti: string; tv: number };

/**
 * Issue 9 F2 (session-wide logout), F3 (sockets die with their session) and issue 10's cookie
 * transport with its CSRF check, across REST, GraphQL and Socket.IO on one real app.
 */
describe('security: sessions, revocation and cookies (F2, F3, issue 10)', () => {
  let live: LiveApp;
  let ctx: TestContext;

  beforeAll(async () => {
    live = await startLiveApp({ SOCKET_REVALIDATE_SECONDS: '1' });
    ctx = live.ctx;
  });
  afterAll(() => live?.close());

  const me = (token: string) => ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const gqlMe = (token: string) => ctx.http().post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ me { id } }' });
  const register = async () => {
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email: `${unique('sess')}@example.test`, password: 'Sessions-are-42', name: 'S' })
      .expect(201);
    return res.body as { accessToken: string; refreshToken: string; user: { id: number } };
  };
  const refresh = (refreshToken: string) => ctx.http().post('/api/auth/refresh').send({ refreshToken });

  describe('F2: logout and reuse detection end the whole session', () => {
    it('logout with the newest access token also kills the older ones of the session (REST and GraphQL)', async () => {
      const first = await register();
      const second = (await refresh(first.refreshToken).expect(200)).body;
      expect(jwtClaims(second.accessToken).sid).toBe(jwtClaims(first.accessToken).sid);
      await me(first.accessToken).expect(200);
      await ctx.http().post('/api/auth/logout').set('Authorization', `Bearer ${second.accessToken}`).expect(204);
      await me(second.accessToken).expect(401);
      await me(first.accessToken).expect(401); // was 200 until the token expired
      await gqlMe(first.accessToken).expect(401);
      const ttl = await ctx.redis.ttl(`auth:revoked-sid:${jwtClaims(first.accessToken).sid}`);
      expect(ttl).toBeGreaterThan(890);
      expect(ttl).toBeLessThanOrEqual(905);
    });

    it('refresh-token reuse revokes the access tokens of the family too', async () => {
      const first = await register();
      const second = (await refresh(first.refreshToken).expect(200)).body;
      await refresh(first.refreshToken).expect(401); // theft detected
      await me(second.accessToken).expect(401);
      await me(first.accessToken).expect(401);
    });

    it('logout with the refresh token alone ends the session', async () => {
      const t = await register();
      await ctx.http().post('/api/auth/logout').send({ refreshToken: t.refreshToken }).expect(204);
      await me(t.accessToken).expect(401);
      await refresh(t.refreshToken).expect(401);
      await ctx.http().post('/api/auth/logout').expect(401); // nothing names a session
    });

    it("another user's refresh token does not end a session the access token does not own", async () => {
      const a = await register();
      const b = await register();
      await ctx
        .http()
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .send({ refreshToken: b.refreshToken })
        .expect(204);
      await me(b.accessToken).expect(200);
      await refresh(b.refreshToken).expect(200);
    });

    it('a refresh family has an absolute lifetime: rotation does not extend it', async () => {
      const t = await register();
      const next = await refresh(t.refreshToken).expect(200);
      const { rows } = await ctx.db.query('SELECT expires_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at', [t.user.id]);
      expect(rows).toHaveLength(2);
      expect(rows[1].expires_at.getTime()).toBe(rows[0].expires_at.getTime());
      expect(next.body.refreshExpiresIn).toBeLessThanOrEqual(30 * 86400);
    });
  });

  describe('F3: a socket lives no longer than its session', () => {
    it("logout disconnects the session's sockets at once", async () => {
      const t = await register();
      const { closed } = await live.connect({ token: t.accessToken });
      await ctx.http().post('/api/auth/logout').set('Authorization', `Bearer ${t.accessToken}`).expect(204);
      expect(await within(closed, 2_000, 'disconnect after logout')).toBe('io server disconnect');
    });

    it('disabling the user or bumping token_version by SQL disconnects at the next re-check', async () => {
      for (const change of ['is_disabled = true', 'token_version = token_version + 1']) {
        const u = await createUser(ctx.db, 'customer');
        const t = await login(ctx, u);
        const { closed } = await live.connect({ token: t.accessToken });
        await ctx.db.query(`UPDATE users SET ${change} WHERE id = $1`, [u.id]);
        expect(await within(closed, 4_000, `disconnect after ${change}`)).toBe('io server disconnect');
      }
    });

    it('a user-wide revocation announced on Redis empties the user room at once', async () => {
      const u = await createUser(ctx.db, 'customer');
      const t = await login(ctx, u);
      const { closed } = await live.connect({ token: t.accessToken });
      const other = await live.connect({ token: (await register()).accessToken });
      await ctx.app.get(RevocationService).userRevoked(u.id);
      expect(await within(closed, 3_000, 'disconnect after userRevoked')).toBe('io server disconnect'); // no re-check would: the token is still valid
      expect(other.socket.connected).toBe(true);
      other.socket.disconnect();
    });

    it('the socket is dropped when its token expires', async () => {
      const u = await createUser(ctx.db, 'customer');
      const t = await login(ctx, u);
      const { kid } = JSON.parse(Buffer.from(t.accessToken.split('.')[0], 'base64url').toString()) as { kid: string };
      const key = createPrivateKey(fs.readFileSync(path.join(TEST_KEYS_DIR, `${kid}.private.pem`)));
      const now = Math.floor(Date.now() / 1000);
      const short = await new SignJWT({ role: 'customer', tv: 0, sid: jwtClaims(t.accessToken).sid })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(String(u.id))
        .setJti(unique('j'))
        .setIssuer('commerce-gateway')
        .setAudience('commerce')
        .setIssuedAt(now)
        .setExpirationTime(now + 2)
        .sign(key);
      const { closed } = await live.connect({ token: short });
      expect(await within(closed, 5_000, 'disconnect at exp')).toBe('io server disconnect');
    });

    it('CORS and the handshake accept only the platform origin', async () => {
      const t = await register();
      await expect(live.connect({ token: t.accessToken, headers: { Origin: 'http://evil.example' } })).rejects.toThrow();
      const ok = await live.connect({ token: t.accessToken, headers: { Origin: ORIGIN } });
      ok.socket.disconnect();
      const preflight = await ctx.http().get('/socket.io/?EIO=4&transport=polling').set('Origin', ORIGIN).expect(200);
      expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
      const evil = await ctx.http().get('/socket.io/?EIO=4&transport=polling').set('Origin', 'http://evil.example');
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      expect(evil.status).toBe(403);
    });

    it('the access_token cookie authenticates a handshake from the platform origin', async () => {
      const t = await register();
      const { socket } = await live.connect({ headers: { Cookie: `access_token=${t.accessToken}`, Origin: ORIGIN } });
      expect(socket.connected).toBe(true);
      socket.disconnect();
    });
  });

  describe('issue 10: cookie transport and CSRF', () => {
    const cookiesOf = (res: { headers: Record<string, unknown> }) => (res.headers['set-cookie'] as string[] | undefined) ?? [];
    const jar = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

    async function cookieLogin() {
      const u = await createUser(ctx.db, 'customer');
      const res = await ctx
        .http()
        .post('/api/auth/login')
        .set('X-Auth-Cookies', '1')
        .set('Origin', ORIGIN)
        .send({ email: u.email, password: u.password })
        .expect(200);
      return { u, res, cookie: jar(cookiesOf(res)) };
    }

    it('login with X-Auth-Cookies sets HttpOnly SameSite=Lax cookies and keeps the tokens out of the body', async () => {
      const { res } = await cookieLogin();
      const set = cookiesOf(res);
      expect(set).toEqual([
        expect.stringMatching(/^access_token=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=900; Path=\/; HttpOnly; SameSite=Lax$/),
        expect.stringMatching(/^refresh_token=\d+\.[\w-]{43}; Max-Age=259\d{4}; Path=\/; HttpOnly; SameSite=Lax$/),
      ]);
      expect(res.body.accessToken).toBeUndefined();
      expect(res.body.refreshToken).toBeUndefined();
      expect(res.body).toEqual(
        expect.objectContaining({ tokenType: 'Cookie', expiresIn: 900, user: expect.objectContaining({ role: 'customer' }) }),
      );
      const plain = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: (await createUser(ctx.db, 'customer')).email, password: 'Passw0rd-long' })
        .expect(200);
      expect(cookiesOf(plain)).toEqual([]);
    });

    it('Secure is added when the request came over TLS through the trusted proxy', async () => {
      const u = await createUser(ctx.db, 'customer');
      const res = await ctx
        .http()
        .post('/api/auth/login')
        .set('X-Auth-Cookies', '1')
        .set('X-Forwarded-Proto', 'https')
        .set('Origin', 'https://localhost:8080')
        .send({ email: u.email, password: u.password });
      // https://localhost:8080 is not PUBLIC_ORIGIN here: the CSRF check refuses a foreign origin asking for cookies
      expect(res.status).toBe(403);
      const ok = await ctx
        .http()
        .post('/api/auth/login')
        .set('X-Auth-Cookies', '1')
        .set('X-Forwarded-Proto', 'https')
        .set('Origin', ORIGIN)
        .send({ email: u.email, password: u.password })
        .expect(200);
      for (const c of cookiesOf(ok)) expect(c).toMatch(/; Secure$/);
    });

    it('the cookie authenticates REST and GraphQL; Bearer wins over the cookie', async () => {
      const { u, cookie } = await cookieLogin();
      const res = await ctx.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
      expect(res.body.email).toBe(u.email);
      const gql = await ctx
        .http()
        .post('/graphql')
        .set('Cookie', cookie)
        .set('Origin', ORIGIN)
        .send({ query: '{ me { id } }' })
        .expect(200);
      expect(gql.body.data.me.id).toBe(u.id);
      await ctx.http().get('/api/auth/me').set('Cookie', cookie).set('Authorization', 'Bearer not.a.token').expect(401);
    });

    it('CSRF: a cookie-authenticated state change needs the platform Origin (or Referer); Bearer is exempt', async () => {
      const { cookie } = await cookieLogin();
      const noOrigin = await ctx.http().post('/graphql').set('Cookie', cookie).send({ query: '{ me { id } }' }).expect(403);
      expect(noOrigin.body.details).toEqual([expect.objectContaining({ field: 'origin' })]);
      await ctx.http().post('/api/auth/logout').set('Cookie', cookie).set('Origin', 'http://evil.example').expect(403);
      await ctx.http().get('/api/auth/me').set('Cookie', cookie).expect(200); // the forged logout did nothing
      await ctx.http().post('/graphql').set('Cookie', cookie).set('Referer', `${ORIGIN}/cart`).send({ query: '{ me { id } }' }).expect(200);
      const bearer = await login(ctx, await createUser(ctx.db, 'customer'));
      await ctx
        .http()
        .post('/graphql')
        .set('Cookie', 'access_token=stale')
        .set('Authorization', `Bearer ${bearer.accessToken}`)
        .send({ query: '{ me { id } }' })
        .expect(200);
    });

    it('refresh from the cookie rotates both cookies; logout clears them and ends the session', async () => {
      const { cookie } = await cookieLogin();
      const rotated = await ctx.http().post('/api/auth/refresh').set('Cookie', cookie).set('Origin', ORIGIN).send({}).expect(200);
      const next = jar(cookiesOf(rotated));
      expect(next).toMatch(/^access_token=.+; refresh_token=.+$/);
      expect(next).not.toBe(cookie);
      const out = await ctx.http().post('/api/auth/logout').set('Cookie', next).set('Origin', ORIGIN).expect(204);
      expect(cookiesOf(out)).toEqual([
        'access_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
        'refresh_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
      ]);
      await ctx.http().get('/api/auth/me').set('Cookie', next).expect(401);
      await ctx.http().get('/api/auth/me').set('Cookie', cookie).expect(401); // the access token from before the rotation too (F2)
      await ctx.http().post('/api/auth/refresh').set('Cookie', next).set('Origin', ORIGIN).send({}).expect(401);
      // logging out again with the stale cookies is harmless (the refresh token still names the ended session)
      await ctx.http().post('/api/auth/logout').set('Cookie', next).set('Origin', ORIGIN).expect(204);
      // a stale access cookie alone names nothing: 401, and the cookies are cleared all the same
      const stale = await ctx.http().post('/api/auth/logout').set('Cookie', next.split('; ')[0]).set('Origin', ORIGIN).expect(401);
      expect(cookiesOf(stale)).toEqual([
        expect.stringMatching(/^access_token=; Max-Age=0/),
        expect.stringMatching(/^refresh_token=; Max-Age=0/),
      ]);
    });
  });
});
