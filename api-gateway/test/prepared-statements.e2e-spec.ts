import { DataSource, QueryFailedError } from 'typeorm';
import { preparedQuery, preparedStatement } from '../src/common/postgres/prepared-query';
import { startApp, TestContext } from './support/test-app';

// The order flow's and the auth check's statements run as named prepared statements through
// TypeORM (src/common/postgres/prepared-query.ts): real PostgreSQL, the app's own DataSource.
describe('prepared statements through TypeORM', () => {
  let ctx: TestContext;
  let ds: DataSource;

  beforeAll(async () => {
    ctx = await startApp();
    ds = ctx.app.get(DataSource);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('are prepared once on the connection under their name, and answer like a plain query', async () => {
    const stmt = preparedStatement('test.echo', 'SELECT $1::int + 1 AS n');
    const qr = ds.createQueryRunner();
    try {
      expect(await preparedQuery(qr.manager, stmt, [41])).toEqual([{ n: 42 }]);
      expect(await preparedQuery(qr.manager, stmt, [1])).toEqual([{ n: 2 }]);
      const prepared: { name: string; calls?: string }[] = await qr.query(
        `SELECT name FROM pg_prepared_statements WHERE name = 'test.echo'`,
      );
      expect(prepared).toEqual([{ name: 'test.echo' }]);
    } finally {
      await qr.release();
    }
  });

  it('fail as TypeORM QueryFailedError (what the error mapping expects), with the SQL state', async () => {
    const stmt = preparedStatement('test.bad-cast', 'SELECT $1::int AS n');
    const err = await preparedQuery(ds.manager, stmt, ['not a number']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22P02');
  });

  it('the auth check reads token version, disabled flag and role from its prepared statement', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email: `prep-${Date.now()}@example.com`, password: 'Prepared-Passw0rd-1', name: 'P' });
    expect(res.status).toBe(201);
    const me = () => ctx.http().get('/api/auth/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect((await me()).status).toBe(200);
    await ctx.db.query('UPDATE users SET is_disabled = true WHERE id = $1', [res.body.user.id]);
    expect((await me()).status).toBe(401);
    await ctx.db.query('UPDATE users SET is_disabled = false, token_version = token_version + 1 WHERE id = $1', [res.body.user.id]);
    expect((await me()).status).toBe(401); // the token's version is old now
  });

  it('one name for two different statements is refused at declaration', () => {
    preparedStatement('test.same-name', 'SELECT 1');
    expect(() => preparedStatement('test.same-name', 'SELECT 2')).toThrow(/declared twice/);
  });
});
