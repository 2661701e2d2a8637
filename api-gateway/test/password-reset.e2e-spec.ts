import { readEnvFiles } from '../src/config/load-config';
import { createUser, login, startApp, TestContext, unique } from './support/test-app';

/** Forgot / reset / verify on real PostgreSQL, Redis and SMTP (maildev's HTTP API reads the mail). */
const env = readEnvFiles();
const MAILDEV = `http://127.0.0.1:${env.MAILDEV_WEB_PORT ?? 1080}`;
const NEW_PASSWORD = 'Correct-Horse-Battery-42';

interface CaughtMail {
  subject: string;
  text: string;
  to: { address: string }[];
}

async function mailsTo(address: string): Promise<CaughtMail[]> {
  const res = await fetch(`${MAILDEV}/email`);
  if (!res.ok) throw new Error(`maildev answered ${res.status}`);
  return ((await res.json()) as CaughtMail[]).filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

async function waitForMails(address: string, count: number, timeoutMs = 15_000): Promise<CaughtMail[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await mailsTo(address);
    if (found.length >= count) return found;
    if (Date.now() > end) throw new Error(`expected ${count} mail(s) to ${address}, got ${found.length}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const linkIn = (mail: CaughtMail) => /(http\S+reset-password\/\S+)/.exec(mail.text)![1];
const tokenIn = (mail: CaughtMail) => new URL(linkIn(mail)).pathname.split('/').pop()!;

describe('password reset', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ PASSWORD_RESET_EMAIL_LIMIT: '3' });
  });
  afterAll(async () => ctx?.close());

  const forgot = (email: string, context = 'admin') => ctx.http().post('/api/auth/password/forgot').send({ email, context });
  const reset = (body: Record<string, unknown>) => ctx.http().post('/api/auth/password/reset').send(body);

  it('forgot answers the same 202 for a known and an unknown email; only the known one gets a mail', async () => {
    const user = await createUser(ctx.db, 'customer');
    const ghost = `${unique('ghost')}@example.test`;
    const known = await forgot(user.email.toUpperCase()).expect(202);
    const unknown = await forgot(ghost).expect(202);
    expect(known.body).toEqual(unknown.body);
    const [mail] = await waitForMails(user.email, 1);
    expect(mail.subject).toBe('Reset your password');
    expect(linkIn(mail)).toBe(`http://localhost:8080/admin/reset-password/${tokenIn(mail)}?email=${encodeURIComponent(user.email)}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(ghost)).toEqual([]);
    // stored hashed, never in clear
    const { rows } = await ctx.db.query('SELECT token_hash FROM password_resets WHERE email = $1', [user.email]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(tokenIn(mail));
  });

  it('the storefront context links to the storefront page', async () => {
    const user = await createUser(ctx.db, 'customer');
    await forgot(user.email, 'storefront').expect(202);
    const [mail] = await waitForMails(user.email, 1);
    expect(linkIn(mail)).toMatch(new RegExp(`^http://localhost:8080/reset-password/[A-Za-z0-9_-]{43}\\?email=`));
  });

  it('bad input gets 400 naming the field', async () => {
    const res = await forgot('not-an-email').expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('email');
    const ctxRes = await ctx.http().post('/api/auth/password/forgot').send({ email: 'a@example.test', context: 'other' }).expect(400);
    expect(ctxRes.body.details.map((d: { field: string }) => d.field)).toContain('context');
  });

  it('reset: policy enforced, wrong token refused, then the password changes, every session dies and the token is single-use', async () => {
    const user = await createUser(ctx.db, 'admin');
    const session = await login(ctx, user);
    await forgot(user.email).expect(202);
    const token = tokenIn((await waitForMails(user.email, 1))[0]);

    const weak = await reset({ email: user.email, token, password: 'short1' }).expect(400);
    expect(weak.body.details[0].field).toBe('password');
    const wrong = await reset({
      email: user.email,
      token: token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      password: NEW_PASSWORD,
    }).expect(422);
    expect(wrong.body.details[0].field).toBe('token');
    // neither attempt spent the token or touched the account
    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200);

    const {
      rows: [before],
    } = await ctx.db.query('SELECT token_version FROM users WHERE id = $1', [user.id]);
    await reset({ email: user.email, token, password: NEW_PASSWORD }).expect(204);
    const {
      rows: [after],
    } = await ctx.db.query('SELECT token_version FROM users WHERE id = $1', [user.id]);
    expect(after.token_version).toBe(before.token_version + 1);

    await ctx.http().get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const { rows: live } = await ctx.db.query('SELECT id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(live).toEqual([]);
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD }).expect(200);

    await reset({ email: user.email, token, password: 'Another-Strong-Pass-77' }).expect(422);
  });

  it('a token older than 60 minutes is refused; a newer request replaces the older token', async () => {
    const user = await createUser(ctx.db, 'customer');
    await forgot(user.email).expect(202);
    const first = tokenIn((await waitForMails(user.email, 1))[0]);
    await ctx.db.query(`UPDATE password_resets SET created_at = now() - interval '61 minutes' WHERE email = $1`, [user.email]);
    await reset({ email: user.email, token: first, password: NEW_PASSWORD }).expect(422);

    await forgot(user.email).expect(202);
    const second = tokenIn((await waitForMails(user.email, 2)).find((m) => tokenIn(m) !== first)!);
    await ctx.db.query(`UPDATE password_resets SET created_at = now() - interval '59 minutes' WHERE email = $1`, [user.email]);
    await reset({ email: user.email, token: first, password: NEW_PASSWORD }).expect(422);
    await reset({ email: user.email, token: second, password: NEW_PASSWORD }).expect(204);
  });

  it('per-email budget: beyond PASSWORD_RESET_EMAIL_LIMIT requests still get 202 but no mail and no new token', async () => {
    const user = await createUser(ctx.db, 'customer');
    for (let i = 0; i < 3; i++) await forgot(user.email).expect(202);
    await waitForMails(user.email, 3);
    const {
      rows: [before],
    } = await ctx.db.query('SELECT token_hash FROM password_resets WHERE email = $1', [user.email]);
    await forgot(user.email).expect(202);
    await new Promise((r) => setTimeout(r, 700));
    expect(await mailsTo(user.email)).toHaveLength(3);
    const {
      rows: [after],
    } = await ctx.db.query('SELECT token_hash FROM password_resets WHERE email = $1', [user.email]);
    expect(after.token_hash).toBe(before.token_hash);
  });

  it('a disabled account gets no mail', async () => {
    const user = await createUser(ctx.db, 'customer');
    await ctx.db.query('UPDATE users SET is_disabled = true WHERE id = $1', [user.id]);
    await forgot(user.email).expect(202);
    await new Promise((r) => setTimeout(r, 700));
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it('verify (confirm-password): 204 for the right password, 401 for a wrong one or without a session', async () => {
    const user = await createUser(ctx.db, 'admin');
    const { accessToken } = await login(ctx, user);
    const verify = (password: string, token?: string) => {
      const r = ctx.http().post('/api/auth/password/verify').send({ password });
      return token ? r.set('Authorization', `Bearer ${token}`) : r;
    };
    await verify(user.password, accessToken).expect(204);
    await verify('Wrong-password-123', accessToken).expect(401);
    await verify(user.password).expect(401);
  });
});

describe('password reset: per-IP rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ AUTH_RATE_LIMIT: '2', AUTH_RATE_TTL_SECONDS: '60' });
    await clearThrottles(); // earlier tests of this run counted against the same IP
  });
  afterAll(async () => {
    await clearThrottles(); // don't leave a block behind for later suites
    await ctx?.close();
  });
  const clearThrottles = async () => {
    const keys = await ctx.keys('throttle:*');
    if (keys.length) await ctx.redis.del(...keys);
  };

  it('the third forgot from one IP within the window gets 429 with Retry-After, whatever the email', async () => {
    for (let i = 0; i < 2; i++)
      await ctx
        .http()
        .post('/api/auth/password/forgot')
        .send({ email: `${unique('ip')}@example.test`, context: 'admin' })
        .expect(202);
    const res = await ctx
      .http()
      .post('/api/auth/password/forgot')
      .send({ email: `${unique('ip')}@example.test`, context: 'admin' })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
