// The admin served for benches: `php -S` with OPcache on (one process, requests in sequence, so a
// request's time is the server's alone) against a bench database, and timed sequential GETs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { env, ROOT, sleep } from './lib.mjs';

const ADMIN = path.join(ROOT, 'admin-service');

/** Starts the admin on 127.0.0.1:`port` with `extraEnv` (e.g. DB_DATABASE); resolves once GET /health answers. */
export async function startAdminServer(port, extraEnv = {}) {
  const child = spawn('php', ['-d', 'opcache.enable_cli=1', '-S', `127.0.0.1:${port}`, '-t', 'public', 'public/index.php'], {
    cwd: ADMIN,
    env: { ...env, APP_DEBUG: 'false', LOG_LEVEL: 'warning', ...extraEnv },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 60; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { url, stop: () => child.kill('SIGTERM') };
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`php -S on ${port} not ready`);
}

/** Milliseconds of each of `count` sequential GETs (the body is read to the end; non-200 throws). */
export async function timeGets(url, headers, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
    times.push(performance.now() - t0);
  }
  return times;
}
