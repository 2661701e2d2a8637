// Shared setup of the platform smoke tests (test/*.test.mjs). It lives outside test/ on purpose:
// `node --test test/` runs every .mjs file under a test/ directory as a test file.
import { readFileSync, existsSync } from 'node:fs';

/** Repository root, with a trailing slash. */
export const ROOT = new URL('../', import.meta.url).pathname;

/** .env.example, then .env (if present), then process.env: the platform's configuration. */
function loadEnv() {
  const env = {};
  for (const f of ['.env.example', '.env']) {
    if (!existsSync(ROOT + f)) continue;
    for (const line of readFileSync(ROOT + f, 'utf8').split('\n')) {
      const m = line.match(/^\s*([A-Z0-9_]+)=(.*)$/);
      if (m) env[m[1]] = m[2].replace(/^["']|["']$/g, '');
    }
  }
  return { ...env, ...process.env };
}
export const env = loadEnv();
