import type { EntityManager } from 'typeorm';
import { preparedQuery, preparedStatement } from './prepared-query';

describe('preparedQuery', () => {
  it('hands TypeORM a {name, text} config with the parameters (node-postgres prepares it by name)', async () => {
    const calls: unknown[][] = [];
    const manager = { query: async (...args: unknown[]) => (calls.push(args), [{ ok: 1 }]) } as unknown as EntityManager;
    const stmt = preparedStatement('spec.one', 'SELECT $1::int AS ok');
    await expect(preparedQuery(manager, stmt, [1])).resolves.toEqual([{ ok: 1 }]);
    expect(calls).toEqual([[{ name: 'spec.one', text: 'SELECT $1::int AS ok' }, [1]]]);
  });

  it('the same name may be declared again only with the same SQL', () => {
    expect(preparedStatement('spec.two', 'SELECT 2')).toEqual(preparedStatement('spec.two', 'SELECT 2'));
    expect(() => preparedStatement('spec.two', 'SELECT 3')).toThrow('prepared statement "spec.two" declared twice with different SQL');
  });
});
