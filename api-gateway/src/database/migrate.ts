import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrationDataSourceOptions } from './data-source';
import { DbSettings } from './env';

/**
 * Runs the pending TypeORM migrations (the runtime schema owner).
 *
 *   node dist/database/migrate.js            apply pending migrations
 *   node dist/database/migrate.js show       list applied / pending
 *   node dist/database/migrate.js revert     undo the last applied migration
 *
 * (`npx ts-node src/database/migrate.ts ...` works the same without a build.)
 * DB_* come from the environment, then <repo>/.env, then <repo>/.env.example.
 */
export async function migrate(overrides: Partial<DbSettings> = {}, log: (m: string) => void = () => {}): Promise<string[]> {
  const ds = new DataSource(migrationDataSourceOptions(overrides));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`applied ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const cmd = process.argv[2] ?? 'run';
  const opts = migrationDataSourceOptions();
  const where = `${String((opts as { host?: string }).host)}:${String((opts as { port?: number }).port)}/${String(opts.database)}`;
  if (cmd === 'run') {
    const t0 = Date.now();
    const applied = await migrate({}, (m) => console.log(`  ${m}`));
    console.log(
      applied.length === 0 ? `schema up to date (${where})` : `applied ${applied.length} migration(s) to ${where} in ${Date.now() - t0} ms`,
    );
    return;
  }
  const ds = new DataSource(opts);
  await ds.initialize();
  try {
    if (cmd === 'show') {
      const pending = await ds.showMigrations();
      const rows: { name: string }[] = await ds
        .query(`SELECT name FROM ${String(ds.options.migrationsTableName)} ORDER BY id`)
        .catch(() => []);
      for (const r of rows) console.log(`  [x] ${r.name}`);
      console.log(pending ? 'pending migrations exist' : `no pending migrations (${where})`);
    } else if (cmd === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log(`reverted the last migration on ${where}`);
    } else {
      throw new Error(`unknown command '${cmd}' (use run | show | revert)`);
    }
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
