// Shared helpers of the fault suite (runtime/faults): the platform's env, PostgreSQL, HTTP with
// timings, platform control (flag file, `platform.sh up|down`, killing supervised children),
// statistics. Packages come from api-gateway's node_modules (pg, ioredis, kafkajs, jose).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** api-gateway whose dist/ the suite starts its own processes from (a scratch copy for the break proof). */
export const GATEWAY_DIR = process.env.FAULTS_GATEWAY_DIR ? path.resolve(process.env.FAULTS_GATEWAY_DIR) : path.join(ROOT, 'api-gateway');
export const require = createRequire(path.join(ROOT, 'api-gateway', 'package.json'));
const dotenv = require('dotenv');

export const env = { ...dotenv.parse(fs.readFileSync(path.join(ROOT, '.env.example'))) };
if (fs.existsSync(path.join(ROOT, '.env'))) Object.assign(env, dotenv.parse(fs.readFileSync(path.join(ROOT, '.env'))));
for (const [k, v] of Object.entries(process.env)) if (k in env) env[k] = v;

export const URLS = {
  nginx: `http://127.0.0.1:${env.NGINX_PORT || 8080}`,
  gateway: `http://127.0.0.1:${env.GATEWAY_PORT || 3000}`,
  indexer: `http://127.0.0.1:${env.INDEXER_HTTP_PORT || 3001}`,
  es: env.ELASTICSEARCH_URL || 'http://127.0.0.1:9200',
  connect: env.CONNECT_URL || 'http://127.0.0.1:8083',
  maildev: `http://127.0.0.1:${env.MAILDEV_WEB_PORT || 1080}`,
};
export const CONNECTOR = 'commerce-catalog-postgres';
export const FLAG = process.env.FAULTS_FLAG_FILE || '/tmp/team/FAULTS_RUNNING';
export const STATE = path.join(ROOT, '.platform', 'faults');
fs.mkdirSync(STATE, { recursive: true });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => Date.now();
const t0 = Date.now();
export function log(...args) {
  const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(7);
  console.log(`[faults ${s}s]`, ...args);
}

export async function pgPool(max = 6) {
  const { Pool } = require('pg');
  const pool = new Pool({
    host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USERNAME, password: env.DB_PASSWORD, database: env.DB_DATABASE,
    max, connectionTimeoutMillis: 3000, idleTimeoutMillis: 10_000, statement_timeout: 15_000,
  });
  pool.on('error', () => {}); // a PostgreSQL restart kills idle clients: the next query reconnects
  return pool;
}

/** One HTTP request with a deadline; never throws: {status (0 = network error/timeout), ms, headers, body, error}. */
export async function http(url, { method = 'GET', headers = {}, body, timeoutMs = 10_000, json = true } = {}) {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method, headers: body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json', ...headers } : headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs), redirect: 'manual',
    });
    const text = await res.text();
    let parsed = text;
    if (json) { try { parsed = JSON.parse(text); } catch { /* keep text */ } }
    return { status: res.status, ms: performance.now() - started, headers: res.headers, body: parsed };
  } catch (err) {
    return { status: 0, ms: performance.now() - started, headers: new Headers(), body: undefined, error: err?.cause?.code || err?.name || String(err) };
  }
}

/** Polls fn until it returns a truthy value; resolves {value, ms} or throws after timeoutMs. */
export async function until(what, timeoutMs, fn, everyMs = 250) {
  const started = Date.now();
  for (;;) {
    let v;
    try { v = await fn(); } catch { v = undefined; }
    if (v) return { value: v, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(everyMs);
  }
}

/** Runs a command; resolves {code, stdout, stderr}. */
export function run(cmd, args, { timeoutMs = 300_000, env: extra = {}, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd, env: { ...process.env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

export const platform = (...args) => run('bash', [path.join(ROOT, 'runtime/platform.sh'), ...args], { timeoutMs: 400_000 });

/**
 * `platform.sh up [components]`, failing loudly: the platform must never be left with a component
 * down. On the shared working tree another engineer's half-done change can break the gateway build
 * that `up` runs first: then retry for up to FAULTS_RESTORE_RETRY_S (300 s), and accept a failed
 * `up` only when `platform.sh status` shows every component up (the build is not ours to fix).
 */
export async function platformUp(...components) {
  const started = Date.now();
  const limit = Number(process.env.FAULTS_RESTORE_RETRY_S || 300) * 1000;
  for (let attempt = 1; ; attempt++) {
    const r = await platform('up', ...components);
    if (r.code === 0) return Date.now() - started;
    const st = await platform('status');
    const downs = st.stdout.split('\n').filter((l) => /^\S+\s+down\b/.test(l)).map((l) => l.split(/\s+/)[0]);
    const why = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ');
    if (!downs.length) { log(`  platform.sh up failed (${why}) but every component is up: continuing`); return Date.now() - started; }
    if (Date.now() - started > limit) throw new Error(`platform.sh up ${components.join(' ')} failed (${why}); down: ${downs.join(', ')}`);
    log(`  platform.sh up failed (attempt ${attempt}: ${why}); down: ${downs.join(', ')}; retrying in 15 s`);
    await sleep(15_000);
  }
}

/** The verify-index CLI in the gateway build (its path may move with the gateway's structure). */
export function verifyCli() {
  for (const p of ['dist/search/cli/verify-index.js', 'dist/search/maintenance/verify-index.js', 'dist/cli/verify-index.js']) {
    if (fs.existsSync(path.join(ROOT, 'api-gateway', p))) return p;
  }
  return 'dist/search/cli/verify-index.js';
}

export function setFlag(on) {
  try {
    if (on) fs.writeFileSync(FLAG, `fault suite pid ${process.pid} since ${new Date().toISOString()}\n`);
    else fs.rmSync(FLAG, { force: true });
  } catch { /* /tmp/team may not exist in CI */ }
}

/**
 * The pid of a supervised app's process: its .child.pid file, or (when the pid files were lost, e.g.
 * by a concurrent `down` on the shared machine) the child of the supervise.sh running for it.
 */
export const readPid = (name, file = `${name}.child.pid`) => {
  try { return Number(fs.readFileSync(path.join(ROOT, '.platform', name, file), 'utf8').trim()) || undefined; } catch { /* look it up */ }
  if (file !== `${name}.child.pid`) return undefined;
  const stateDir = path.join(ROOT, '.platform', name);
  const procs = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').replace(/.*\) /, '').split(' ')[1]);
      procs.push({ pid: Number(d), ppid, cmd });
    } catch { /* gone */ }
  }
  const sup = procs.filter((p) => p.cmd.some((a) => a.endsWith('supervise.sh')) && p.cmd.includes(stateDir));
  const child = procs.filter((p) => sup.some((s) => s.pid === p.ppid) && !p.cmd[0].endsWith('sleep')).sort((a, b) => b.pid - a.pid)[0];
  return child?.pid;
};
export const pidAlive = (pid) => { if (!pid) return false; try { process.kill(pid, 0); return true; } catch { return false; } };

/** RSS in MB of a pid (from /proc), undefined when gone. */
export function rssMb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch { return undefined; }
}

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};
export const round = (x, d = 0) => (Number.isFinite(x) ? Number(x.toFixed(d)) : x);
export const rand = (n) => Math.floor(Math.random() * n);
export const pick = (xs) => xs[rand(xs.length)];
export const uuid = () => crypto.randomUUID();

/** Spawns a node process from the gateway build (dist/<entry>) with extra env; {child, stop(), kill9()}. */
export function spawnGatewayProcess(entry, extraEnv, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [`dist/${entry}`], {
    cwd: GATEWAY_DIR, env: { ...process.env, ...env, LOG_LEVEL: 'warn', JWT_KEYS_DIR: env.JWT_KEYS_DIR || path.join(ROOT, '.platform', 'keys'), ...extraEnv }, stdio: ['ignore', out, out], detached: false,
  });
  fs.closeSync(out);
  const exited = new Promise((r) => child.once('exit', r));
  return {
    child,
    exited,
    kill9: () => { try { child.kill('SIGKILL'); } catch { /* gone */ } return exited; },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) { child.kill('SIGKILL'); await exited; }
    },
  };
}
