import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DbSettings, dbSettings } from './env';
import { migrations } from './migrations';

/** TypeORM keeps its bookkeeping apart from Laravel's `migrations` table. */
export const MIGRATIONS_TABLE = 'typeorm_migrations';

/**
 * Options for the schema owner's DataSource (migrations only, no entities: the gateway's
 * own module registers its entities). DB_* come from the environment / .env / .env.example.
 */
export function migrationDataSourceOptions(overrides: Partial<DbSettings> = {}): DataSourceOptions {
  const db = dbSettings(overrides);
  return {
    type: 'postgres',
    host: db.host,
    port: db.port,
    database: db.database,
    username: db.username,
    password: db.password,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
  };
}

/** The only DataSource export (the TypeORM CLI requires exactly one): `npx typeorm -d dist/database/data-source.js migration:show`. */
const AppDataSource = new DataSource(migrationDataSourceOptions());
export default AppDataSource;
