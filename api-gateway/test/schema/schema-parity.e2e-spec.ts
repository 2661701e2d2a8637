import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { migrationDataSourceOptions } from '../../src/database/data-source';
import { migrate } from '../../src/database/migrate';
import {
  connect,
  createDatabase,
  dropDatabase,
  laravelMigrate,
  laravelRollback,
  normalizeDump,
  pgDumpSchema,
  repoRoot,
  settingsFor,
  unifiedDiff,
  uniqueDbName,
} from './pg-helpers';

/**
 * Both migration sets must build the same schema: TypeORM (api-gateway, the runtime owner)
 * and Laravel (admin-service). Each is applied to its own empty database, both are dumped
 * with pg_dump --schema-only and the normalized dumps must be identical. docs/schema.sql,
 * the reference DDL, is held to the same standard.
 */
describe('schema parity: TypeORM migrations = Laravel migrations = docs/schema.sql', () => {
  const typeormDb = uniqueDbName('parity_typeorm');
  const laravelDb = uniqueDbName('parity_laravel');
  const referenceDb = uniqueDbName('parity_reference');
  const dumps: Record<string, string> = {};

  beforeAll(async () => {
    await Promise.all([createDatabase(typeormDb), createDatabase(laravelDb), createDatabase(referenceDb)]);

    const applied = await migrate(settingsFor(typeormDb));
    expect(applied.length).toBeGreaterThan(0);

    laravelMigrate(laravelDb);

    const client = await connect(referenceDb);
    try {
      await client.query(fs.readFileSync(path.join(repoRoot(), 'docs', 'schema.sql'), 'utf8'));
    } finally {
      await client.end();
    }

    dumps.typeorm = normalizeDump(pgDumpSchema(typeormDb));
    dumps.laravel = normalizeDump(pgDumpSchema(laravelDb));
    dumps.reference = normalizeDump(pgDumpSchema(referenceDb));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([dropDatabase(typeormDb), dropDatabase(laravelDb), dropDatabase(referenceDb)]);
  });

  it('dumps are not trivially empty', () => {
    for (const dump of Object.values(dumps)) {
      expect(dump).toContain('CREATE TABLE public.products (');
      expect(dump).toContain('CREATE TRIGGER categories_tree');
      expect(dump).not.toMatch(/migrations/);
    }
  });

  it('Laravel migrations build exactly the TypeORM schema', () => {
    const diff = unifiedDiff('typeorm.sql', dumps.typeorm, 'laravel.sql', dumps.laravel);
    if (diff) console.error(`schema drift between the migration sets:\n${diff}`);
    expect(diff).toBe('');
  });

  it('docs/schema.sql describes exactly the TypeORM schema', () => {
    const diff = unifiedDiff('typeorm.sql', dumps.typeorm, 'docs-schema.sql', dumps.reference);
    if (diff) console.error(`docs/schema.sql drifted from the migrations:\n${diff}`);
    expect(diff).toBe('');
  });

  it('both sets roll back completely (down migrations are usable)', async () => {
    const ds = new DataSource(migrationDataSourceOptions(settingsFor(typeormDb)));
    await ds.initialize();
    try {
      for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    laravelRollback(laravelDb);
    const leftovers = `SELECT n.nspname || '.' || c.relname AS rel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'debezium')
        AND c.relname NOT IN ('migrations', 'migrations_id_seq', 'typeorm_migrations', 'typeorm_migrations_id_seq')
        AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                        WHERE i.indexrelid = c.oid AND t.relname IN ('migrations', 'typeorm_migrations'))
      UNION ALL SELECT 'type ' || typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'
      UNION ALL SELECT 'function ' || proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
      UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname = 'debezium'`;
    for (const db of [typeormDb, laravelDb]) {
      const client = await connect(db);
      try {
        expect((await client.query(leftovers)).rows).toEqual([]);
      } finally {
        await client.end();
      }
    }
  });
});
