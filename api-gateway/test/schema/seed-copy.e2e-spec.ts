import { Client } from 'pg';
import { copyFrom, csvRow } from '../../src/database/seed/copy';
import { connect, dbSettingsDatabase } from './pg-helpers';

/** The seeder's COPY FROM STDIN implementation against the real server (temp tables only). */
describe('seed COPY FROM STDIN', () => {
  let c: Client;

  beforeAll(async () => {
    c = await connect(dbSettingsDatabase());
    await c.query('CREATE TEMP TABLE copy_t (a int PRIMARY KEY, b text, j jsonb)');
  });
  afterAll(async () => {
    await c?.end();
  });

  it('copies CSV rows: quoting, empty string vs NULL, JSON', async () => {
    const rows = await copyFrom(
      c,
      'copy_t',
      ['a', 'b', 'j'],
      [csvRow([1, 'x,"y"\nz', JSON.stringify({ k: 'v, "w"' })]) + csvRow([2, '', '{}']), csvRow([3, null, null])],
    );
    expect(rows).toBe(3);
    const res = await c.query('SELECT a, b, j FROM copy_t ORDER BY a');
    expect(res.rows).toEqual([
      { a: 1, b: 'x,"y"\nz', j: { k: 'v, "w"' } },
      { a: 2, b: '', j: {} },
      { a: 3, b: null, j: null },
    ]);
  });

  it('streams many chunks with back-pressure', async () => {
    function* lines(): Generator<string> {
      let buf = '';
      for (let i = 100; i < 50_100; i++) {
        buf += csvRow([i, 'row '.repeat(20), null]);
        if (buf.length > 64 * 1024) {
          yield buf;
          buf = '';
        }
      }
      yield buf;
    }
    expect(await copyFrom(c, 'copy_t', ['a', 'b', 'j'], lines())).toBe(50_000);
  });

  it('rejects bad data and leaves the connection usable', async () => {
    await expect(copyFrom(c, 'copy_t', ['a', 'b'], ['900001,a\n', 'oops,b\n'])).rejects.toThrow(/invalid input syntax for type integer/);
    await expect(copyFrom(c, 'copy_t', ['a', 'b'], ['1,dup\n'])).rejects.toMatchObject({ code: '23505' });
    expect((await c.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('aborts the COPY when the row generator throws', async () => {
    function* boom(): Generator<string> {
      yield '900002,z\n';
      throw new Error('generator failed');
    }
    await expect(copyFrom(c, 'copy_t', ['a', 'b'], boom())).rejects.toThrow(/generator failed/);
    expect((await c.query('SELECT count(*)::int AS n FROM copy_t WHERE a = 900002')).rows).toEqual([{ n: 0 }]);
  });
});
