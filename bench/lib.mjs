// Shared helpers of the search benchmarks (search-api.mjs, cdc-freshness.mjs, index-throughput.mjs).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GW = path.join(ROOT, 'api-gateway');
export const require = createRequire(path.join(GW, 'package.json'));
const dotenv = require('dotenv');

export const env = { ...dotenv.parse(fs.readFileSync(path.join(ROOT, '.env.example'))) };
if (fs.existsSync(path.join(ROOT, '.env'))) Object.assign(env, dotenv.parse(fs.readFileSync(path.join(ROOT, '.env'))));
Object.assign(env, process.env);

export const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

export async function pgClient() {
  const { Client } = require('pg');
  const db = new Client({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USERNAME, password: env.DB_PASSWORD, database: env.DB_DATABASE });
  await db.connect();
  return db;
}

/** Starts a gateway from api-gateway/dist on `port` (extra env on top); resolves when ready. */
export async function startGateway(port, extraEnv = {}) {
  if (!fs.existsSync(path.join(GW, 'dist', 'main.js'))) throw new Error('build first: cd api-gateway && npm run build');
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: GW,
    env: { ...env, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEARCH_BACKEND: 'elasticsearch', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.ok, () => false);
    if (ok) return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('gateway not ready after 60 s');
}

/** Deterministic PRNG (mulberry32) so every run sends the same query mix. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
