import { spawnSync } from 'child_process';
import * as path from 'path';

/** Every process validates every setting before it starts: a bad search setting exits 78 naming it. */
describe('search settings are validated at boot (exit 78)', () => {
  const run = (entry: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '..', entry)], {
      env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.json'), ...env },
      encoding: 'utf8',
      timeout: 60000,
    });

  it.each([
    ['src/main.ts', 'ELASTICSEARCH_URL', 'localhost:9200'],
    ['src/indexer.ts', 'SEARCH_BREAKER_OPEN_MS', 'soon'],
    ['src/search/cli/verify-index.ts', 'SEARCH_FALLBACK', 'maybe'],
  ])('%s with %s=%s', (entry, name, value) => {
    const r = run(entry, { [name]: value });
    expect(r.stderr).toContain(`${name} (got "${value}")`);
    expect(r.status).toBe(78);
  });
});
