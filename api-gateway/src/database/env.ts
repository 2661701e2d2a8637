import { readEnvFiles } from '../config/load-config';

let loaded = false;

/**
 * Fills process.env with the shared settings, read like everywhere else (config/load-config:
 * process env wins, then <repo>/.env, then <repo>/.env.example), for the migration runner,
 * the DataSource and the seeder, which run without the Nest config module.
 */
export function loadEnv(): void {
  if (loaded) return;
  loaded = true;
  Object.assign(process.env, readEnvFiles());
}

export interface DbSettings {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
}

export function dbSettings(overrides: Partial<DbSettings> = {}): DbSettings {
  loadEnv();
  return {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    database: process.env.DB_DATABASE ?? 'commerce',
    username: process.env.DB_USERNAME ?? 'commerce',
    password: process.env.DB_PASSWORD ?? '',
    ...overrides,
  };
}
