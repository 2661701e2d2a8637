import { fragmentChain } from './support/graphql-abuse';
import { createUser, login, startApp, TestContext } from './support/test-app';

/** Issue 9, F1 + F4 + F12 (variables): abusive GraphQL documents are refused before they cost anything. */
describe('security: GraphQL abuse documents (F1, F4, F12)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ GRAPHQL_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  const post = (body: unknown, token?: string) => {
    const req = ctx.http().post('/graphql').timeout(8_000); // the old cost rule took minutes on these documents
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(body as object);
  };

  it('F1: the doubling fragment chain (20 and 26 fragments) is refused with 400', async () => {
    for (const n of [20, 26]) {
      const res = await post({ query: fragmentChain(n) });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { message: string }) => e.message)).toContain(`Document has ${n + 1} fragments; the limit is 10`);
    }
  }, 20_000);

  it('F1: within the fragment cap, a doubling chain is refused by its memoised cost', async () => {
    const res = await post({ query: fragmentChain(5) }); // 6 fragments, 10 aliases, depth 7; cost ~ 20^5
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/complexity exceeds the limit of 1000/);
  });

  it('F4: 50 aliased searches are refused before any search runs', async () => {
    const query = `{ ${Array.from({ length: 50 }, (_, i) => `s${i}: products { total facets { name } }`).join(' ')} }`;
    const res = await post({ query });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(
      /aliases; the limit is 20|root fields; the limit is 10/,
    );
    const ten = `{ ${Array.from({ length: 10 }, (_, i) => `s${i}: products { total }`).join(' ')} }`;
    const costly = await post({ query: ten });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].message).toMatch(/complexity exceeds the limit of 1000/);
  });

  it('F12: variables must be a JSON object (400 naming the field, not 500)', async () => {
    for (const variables of ['abc', [1], 7]) {
      const res = await post({ query: '{ categories { slug } }', variables });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.details).toEqual([{ field: 'variables', message: 'variables must be a JSON object' }]);
    }
    await post({ query: '{ __typename }', variables: null }).expect(200);
  });

  it('F4: /graphql is rate-limited per user and per anonymous IP (429 + Retry-After)', async () => {
    const limited = await startApp({ GRAPHQL_RATE_LIMIT: '3', GRAPHQL_RATE_TTL_SECONDS: '60' });
    try {
      const keys = await limited.keys('ratelimit:graphql:*');
      if (keys.length) await limited.redis.del(...keys);
      const u = await createUser(limited.db, 'customer');
      const { accessToken } = await login(limited, u);
      const send = (token?: string) => {
        const req = limited.http().post('/graphql');
        if (token) req.set('Authorization', `Bearer ${token}`);
        return req.send({ query: '{ __typename }' });
      };
      for (let i = 0; i < 3; i++) await send().expect(200);
      const refused = await send().expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.errors[0].extensions).toEqual(expect.objectContaining({ statusCode: 429 }));
      // the signed-in user has their own bucket
      for (let i = 0; i < 3; i++) await send(accessToken).expect(200);
      await send(accessToken).expect(429);
      const after = await limited.keys('ratelimit:graphql:*');
      if (after.length) await limited.redis.del(...after);
    } finally {
      await limited.close();
    }
  });
});
