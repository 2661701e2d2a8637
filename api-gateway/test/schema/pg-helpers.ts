import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { REPO_ROOT } from '../../src/config/load-config';
import { DbSettings, dbSettings } from '../../src/database/env';

/** Helpers shared by the schema e2e tests (real PostgreSQL from runtime/platform.sh). */

export const repoRoot = (): string => REPO_ROOT;

export function uniqueDbName(prefix: string): string {
  return `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
}

async function withAdminClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const db = dbSettings();
  // The app role has CREATEDB; connect to the platform database to issue CREATE/DROP DATABASE.
  const client = new Client({ host: db.host, port: db.port, user: db.username, password: db.password, database: db.database });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await withAdminClient((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
}

/**
 * Plain DROP first: it stops an autovacuum worker busy in the database itself, where FORCE would
 * refuse to terminate it ("must be a member of the role whose process is being terminated"). FORCE
 * only when a client session is still connected (55006).
 */
export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}"`).catch((err: { code?: string }) => {
      if (err.code !== '55006') throw err;
      return c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });
}

/** The configured (platform) database name. */
export function dbSettingsDatabase(): string {
  return dbSettings().database;
}

export function settingsFor(database: string): DbSettings {
  return dbSettings({ database });
}

export async function connect(database: string): Promise<Client> {
  const db = settingsFor(database);
  const client = new Client({ host: db.host, port: db.port, user: db.username, password: db.password, database });
  await client.connect();
  return client;
}

/** Framework bookkeeping tables: not part of the schema being compared. */
export const BOOKKEEPING_TABLES = [
  'public.migrations',
  'public.migrations_id_seq',
  'public.typeorm_migrations',
  'public.typeorm_migrations_id_seq',
];

export function pgDumpSchema(database: string): string {
  const db = settingsFor(database);
  const args = [
    '--schema-only',
    '--no-owner',
    '--no-privileges',
    ...BOOKKEEPING_TABLES.map((t) => `--exclude-table=${t}`),
    '-h',
    db.host,
    '-p',
    String(db.port),
    '-U',
    db.username,
    '-d',
    database,
  ];
  const res = spawnSync('pg_dump', args, { env: { ...process.env, PGPASSWORD: db.password }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (res.status !== 0) throw new Error(`pg_dump ${database} failed: ${res.stderr || res.error?.message}`);
  return res.stdout;
}

/**
 * Removes only what is not schema: comments, SET/set_config preamble, psql's per-dump
 * random \restrict / \unrestrict keys, blank lines. Order is kept (pg_dump's own order is
 * deterministic by object type and name), so nothing that would hide a difference is sorted.
 */
export function normalizeDump(dump: string): string {
  return (
    dump
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .filter((line) => !/^SET /.test(line))
      .filter((line) => !/^SELECT pg_catalog\.set_config\('search_path'/.test(line))
      .filter((line) => !/^\\(un)?restrict /.test(line))
      .filter((line) => line.trim() !== '')
      .join('\n') + '\n'
  );
}

/** Unified diff through diff(1); '' when equal. */
export function unifiedDiff(aLabel: string, a: string, bLabel: string, b: string): string {
  if (a === b) return '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-diff-'));
  try {
    const fa = path.join(dir, aLabel);
    const fb = path.join(dir, bLabel);
    fs.writeFileSync(fa, a);
    fs.writeFileSync(fb, b);
    const res = spawnSync('diff', ['-u', fa, fb], { encoding: 'utf8' });
    return res.stdout || '(texts differ but diff(1) printed nothing)';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `php artisan migrate --force` of admin-service against `database`. */
export function laravelMigrate(database: string): string {
  const res = spawnSync('php', ['artisan', 'migrate', '--force', '--no-interaction'], {
    cwd: path.join(repoRoot(), 'admin-service'),
    env: { ...process.env, DB_DATABASE: database },
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`php artisan migrate failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}

/** Runs `php artisan migrate:rollback` of admin-service against `database` (the whole last batch). */
export function laravelRollback(database: string): string {
  const res = spawnSync('php', ['artisan', 'migrate:rollback', '--force', '--no-interaction'], {
    cwd: path.join(repoRoot(), 'admin-service'),
    env: { ...process.env, DB_DATABASE: database },
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`php artisan migrate:rollback failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}
