import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'dotenv';

/**
 * Loads the shared settings the same way the runtime (runtime/lib.sh) and the Laravel app do:
 * process env wins, then <repo>/.env, then <repo>/.env.example. Works from src/ (ts-node,
 * jest) and from dist/ (compiled), because the repo root is found by walking up to the
 * directory that holds .env.example.
 */
export function findRepoRoot(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.env.example'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let loaded = false;

export function loadEnv(): void {
  if (loaded) return;
  loaded = true;
  const root = findRepoRoot();
  if (!root) return;
  const merged: Record<string, string> = {};
  for (const name of ['.env.example', '.env']) {
    const file = path.join(root, name);
    if (fs.existsSync(file)) Object.assign(merged, parse(fs.readFileSync(file)));
  }
  for (const [key, value] of Object.entries(merged)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
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
