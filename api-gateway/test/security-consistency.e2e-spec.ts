import { ConsistencyService } from '../src/search/consistency/consistency.service';
import { MAX_CHECKS } from '../src/search/consistency/poll-schedule';
import { createUser, login, startApp, TestContext } from './support/test-app';

/** Issue 9 F5: ?consistentWith= (uncached, polls the index) is for admins only, and polls a bounded number of times. */
describe('security: consistentWith is admin-only and bounded (F5)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const future = () => `1.${Number.MAX_SAFE_INTEGER - 1}`; // an LSN the index will never reach
  const list = (token?: string) => {
    const req = ctx.http().get('/api/products').query({ consistentWith: future(), pageSize: '1' });
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('anonymous callers get 401 and customers 403, naming the parameter, without touching the index', async () => {
    const applied = jest.spyOn(ctx.app.get(ConsistencyService), 'applied');
    const anon = await list().expect(401);
    expect(anon.body.details).toEqual([{ field: 'consistentWith', message: 'is reserved to admins' }]);
    const customer = await login(ctx, await createUser(ctx.db, 'customer'));
    await list(customer.accessToken).expect(403);
    await list('not.a.token').expect(401);
    expect(applied).not.toHaveBeenCalled();
    applied.mockRestore();
    await ctx.http().get('/api/products').query({ pageSize: '1' }).expect(200); // the public list itself is unchanged
  });

  it('an admin with a never-applied token gets "stale" after at most MAX_CHECKS index queries', async () => {
    const admin = await login(ctx, await createUser(ctx.db, 'admin'));
    const applied = jest.spyOn(ctx.app.get(ConsistencyService), 'applied');
    const res = await list(admin.accessToken).expect(200);
    expect(res.headers['x-consistency']).toBe('stale');
    expect(applied.mock.calls.length).toBeGreaterThan(1);
    expect(applied.mock.calls.length).toBeLessThanOrEqual(MAX_CHECKS); // was ~200 at one query per 25 ms for 5 s
    applied.mockRestore();
  });
});
