// Shared helpers of the benchmarks (api-product, orders, search-api, cdc-freshness, index-throughput):
// paths, api-gateway's packages, --flag value arguments, the platform env, statistics, PostgreSQL,
// gateway processes.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GW = path.join(ROOT, 'api-gateway');
/** require() resolving from api-gateway (its node_modules: pg, ioredis, autocannon, dotenv, ...). */
export const require = createRequire(path.join(GW, 'package.json'));
const dotenv = require('dotenv');

/** .env.example, overridden by .env (if present), overridden by process.env. */
export const env = { ...dotenv.parse(fs.readFileSync(path.join(ROOT, '.env.example'))) };
if (fs.existsSync(path.join(ROOT, '.env'))) Object.assign(env, dotenv.parse(fs.readFileSync(path.join(ROOT, '.env'))));
Object.assign(env, process.env);

/** `--name value` pairs of the command line (values are strings). */
export const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);

export const ES_URL = env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
/** Gateway env of the search benches: warn-level logs, Elasticsearch as the search backend. */
export const SEARCH_GATEWAY_ENV = { LOG_LEVEL: 'warn', SEARCH_BACKEND: 'elasticsearch' };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const round = (x, d = 1) => Number(x.toFixed(d));

/** Median; the mean of the two middle values for an even count, NaN for none. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
/** Upper median: the sorted value at index floor(n/2), no averaging (api-product, orders). */
export const upperMedian = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Nearest-rank percentile: the ceil(p/100 * n)-th smallest value, NaN for none. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
/** The sorted value at index floor(p/100 * n), capped at the last one (orders' latency p50/p99). */
export const percentileAtIndex = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** A connected pg Client on `database` (default DB_DATABASE) of the env's server. */
export async function pgClient(database = env.DB_DATABASE) {
  const { Client } = require('pg');
  const db = new Client({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USERNAME, password: env.DB_PASSWORD, database });
  await db.connect();
  return db;
}

/** Throws unless api-gateway/dist is built. */
export function requireBuild() {
  if (!fs.existsSync(path.join(GW, 'dist', 'main.js'))) throw new Error('build first: cd api-gateway && npm run build');
}

/** Creates database `name` if missing and runs the gateway migrations (dist) on it; returns a client on it. */
export async function benchDatabase(name) {
  requireBuild();
  const admin = await pgClient();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rows.length) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const mig = spawnSync('node', [path.join(GW, 'dist/database/migrate.js')], { env: { ...env, DB_DATABASE: name }, encoding: 'utf8' });
  if (mig.status !== 0) throw new Error(`migrations failed: ${mig.stderr || mig.stdout}`);
  return pgClient(name);
}

/**
 * Starts a gateway from api-gateway/dist on 127.0.0.1:`port` (env + `extraEnv`; its stdout is
 * discarded) and resolves with { url, stop } once GET /health/<health> answers 2xx, polling every
 * 500 ms up to `attempts` times.
 */
export async function startGateway(port, extraEnv = {}, { health = 'live', attempts = 120 } = {}) {
  requireBuild();
  // GATEWAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile the gateway under the bench's load
  // (Node refuses --cpu-prof in NODE_OPTIONS); the profile is written when the bench stops the gateway
  const nodeArgs = (process.env.GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    cwd: GW,
    env: { ...env, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < attempts; i++) {
    if (child.exitCode !== null) throw new Error(`gateway on ${port} exited (${child.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/${health}`).then((r) => r.ok, () => false);
    if (ok) return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => { if (child.exitCode !== null || child.signalCode !== null) r(); else { child.once('exit', r); child.kill('SIGTERM'); } }) };
    await sleep(500);
  }
  child.kill('SIGKILL');
  throw new Error(`gateway on ${port} not ready after ${attempts / 2} s`);
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

/**
 * Runs `source` (CommonJS, via node -e, resolving packages from api-gateway) as a separate process on
 * 127.0.0.1:`port`: the benches' minimal Node servers (floors measured in the same run as the gateway).
 * The script writes a line to stdout once it listens; resolves with { url, stop }.
 */
export function startScriptServer(name, source, port, extraEnv = {}) {
  const child = spawn(process.execPath, ['-e', source], {
    cwd: GW,
    env: { ...process.env, NODE_PATH: `${GW}/node_modules`, PORT: String(port), ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) }));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
}
