import { spawnSync } from 'child_process';
import * as path from 'path';
import { startApp, TestContext } from './support/test-app';

describe('boot-time config validation', () => {
  it('a malformed variable stops the process with a message naming it', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '../src/main.ts')], {
      env: { ...process.env, DB_PORT: 'not-a-port', GATEWAY_PORT: '0' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/DB_PORT \(got "not-a-port"\)/);
  });
});

describe('Redis outage', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp({ REDIS_PORT: '1' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('readiness reports redis down with 503, product reads fall back to PostgreSQL', async () => {
    const ready = await ctx.http().get('/health/ready').expect(503);
    expect(ready.body.error).toEqual(expect.objectContaining({ redis: expect.objectContaining({ status: 'down' }) }));
    expect(ready.body.info).toEqual(expect.objectContaining({ postgres: { status: 'up' } }));
    await ctx.http().get('/health/live').expect(200);
    const list = await ctx.http().get('/api/products').expect(200);
    expect(list.body.items).toEqual(expect.any(Array));
  });
});
