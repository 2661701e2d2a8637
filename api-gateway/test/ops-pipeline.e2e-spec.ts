import * as http from 'http';
import type { AddressInfo } from 'net';
import { readEnvFiles } from '../src/config/load-config';
import { createApiKey } from './support/api-keys';
import { createUser, startApp, TestContext } from './support/test-app';

/**
 * GET /api/ops/pipeline and the connector actions against the REAL Kafka Connect, Kafka,
 * PostgreSQL slot, indexer and search node of the platform. The connector is paused/stopped by
 * hand through Connect REST and brought back through the gateway; afterAll leaves it RUNNING
 * whatever happened (the CDC suites need it).
 */
const env = readEnvFiles();
const CONNECT = env.CONNECT_URL ?? 'http://127.0.0.1:8083';
const CONNECTOR = env.CDC_CONNECTOR_NAME ?? 'commerce-catalog-postgres';

interface ConnectorStatus {
  connector?: { state?: string };
  tasks?: Array<{ state?: string }>;
}

async function connect(method: string, suffix: string): Promise<{ status: number; body: ConnectorStatus | undefined }> {
  const res = await fetch(`${CONNECT}/connectors/${CONNECTOR}${suffix}`, { method, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 45_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const allRunning = (s: ConnectorStatus | undefined) =>
  s?.connector?.state === 'RUNNING' && !!s.tasks?.length && s.tasks.every((t) => t.state === 'RUNNING');

/** Brings the connector back to RUNNING through Connect directly (resume, then restart if needed). */
async function ensureRunning(): Promise<void> {
  await connect('PUT', '/resume').catch(() => undefined);
  try {
    await eventually(
      async () => (allRunning((await connect('GET', '/status')).body) ? true : undefined),
      'connector RUNNING after resume',
      20_000,
    );
  } catch {
    await connect('POST', '/restart?includeTasks=true&onlyFailed=false').catch(() => undefined);
    await eventually(
      async () => (allRunning((await connect('GET', '/status')).body) ? true : undefined),
      'connector RUNNING after restart',
      40_000,
    );
  }
}

describe('ops pipeline endpoint on the real CDC pipeline', () => {
  let ctx: TestContext;
  let reader: string;
  let writer: string;
  let adminId: number;

  const report = async () => (await ctx.http().get('/api/ops/pipeline').set('X-Api-Key', reader).expect(200)).body;
  const connectorState = async (want: string) =>
    eventually(async () => {
      const r = await report();
      return r.connector.status === 'ok' && r.connector.state === want ? r : undefined;
    }, `ops report showing the connector ${want}`);

  beforeAll(async () => {
    ctx = await startApp();
    reader = (await createApiKey(ctx.db, { scopes: ['ops:read'] })).key;
    writer = (await createApiKey(ctx.db, { scopes: ['ops:write'] })).key;
    adminId = (await createUser(ctx.db, 'admin')).id;
    await ensureRunning();
  }, 90_000);

  afterAll(async () => {
    await ensureRunning();
    await ctx?.close();
  }, 90_000);

  it('reports every section from the real sources', async () => {
    const r = await report();
    expect(r.connector).toEqual(expect.objectContaining({ status: 'ok', name: CONNECTOR, state: 'RUNNING' }));
    expect(r.connector.tasks[0]).toEqual(expect.objectContaining({ id: 0, state: 'RUNNING' }));
    expect(r.replicationSlot).toEqual(expect.objectContaining({ status: 'ok', name: 'commerce_catalog' }));
    expect(r.replicationSlot.lagBytes).toBeGreaterThanOrEqual(0);
    expect(r.replicationSlot.retainedBytes).toBeGreaterThanOrEqual(r.replicationSlot.lagBytes);
    expect(r.consumerGroup).toEqual(expect.objectContaining({ status: 'ok', groupId: 'search-indexer', lag: expect.any(Number) }));
    expect(r.consumerGroup.partitions.length).toBeGreaterThan(0);
    expect(r.indexer).toEqual(
      expect.objectContaining({ status: 'ok', running: true, eventsPerSecond: expect.any(Number), windowSeconds: 60 }),
    );
    expect(r.index).toEqual(expect.objectContaining({ status: 'ok', alias: 'products', indexDocuments: expect.any(Number) }));
    // this run's database has exactly the active products it inserted
    const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM products WHERE status = 'active' AND deleted_at IS NULL`);
    expect(r.index.postgresProducts).toBe(rows[0].n);
    expect(r.healthy).toBe(true);
  });

  it('a paused connector shows PAUSED; resume through the gateway brings it back to RUNNING (audited)', async () => {
    expect((await connect('PUT', '/pause')).status).toBe(202);
    const paused = await connectorState('PAUSED');
    expect(paused.healthy).toBe(false);
    const res = await ctx
      .http()
      .post('/api/ops/connector/resume')
      .set('X-Api-Key', writer)
      .send({ actor: { userId: adminId, ip: '192.0.2.7' } })
      .expect(202);
    expect(res.body).toEqual({
      action: 'resumed',
      connector: CONNECTOR,
      previousState: 'PAUSED',
      connectState: null,
      auditId: expect.any(Number),
    });
    await eventually(async () => (allRunning((await connect('GET', '/status')).body) ? true : undefined), 'RUNNING after resume');
    const { rows } = await ctx.db.query(
      'SELECT actor_user_id, action, subject_type, subject_id, details, host(ip) AS ip FROM admin_audit_log WHERE id = $1',
      [res.body.auditId],
    );
    expect(rows[0]).toEqual(
      expect.objectContaining({
        actor_user_id: String(adminId),
        action: 'connector.resume',
        subject_type: 'connector',
        subject_id: CONNECTOR,
        ip: '192.0.2.7',
      }),
    );
    expect(rows[0].details).toEqual(expect.objectContaining({ previousState: 'PAUSED', apiKeyPrefix: writer.slice(0, 12) }));
  });

  it('a stopped connector shows STOPPED; the restart button brings it back to RUNNING', async () => {
    expect((await connect('PUT', '/stop')).status).toBe(204);
    await connectorState('STOPPED');
    const res = await ctx
      .http()
      .post('/api/ops/connector/restart')
      .set('X-Api-Key', writer)
      .send({ actor: { userId: adminId } })
      .expect(202);
    expect(res.body).toEqual(expect.objectContaining({ action: 'resumed', previousState: 'STOPPED' }));
    const back = await eventually(async () => {
      const r = await report();
      return r.connector.status === 'ok' && allRunning({ connector: { state: r.connector.state }, tasks: r.connector.tasks })
        ? r
        : undefined;
    }, 'ops report showing RUNNING again');
    expect(back.connector.state).toBe('RUNNING');
  });

  it('restarting a running connector restarts it and its tasks, and it comes back RUNNING', async () => {
    const res = await ctx.http().post('/api/ops/connector/restart').set('X-Api-Key', writer).send({}).expect(202);
    // Connect's own answer proves a restart was really requested (the state is RESTARTING until the tasks are back)
    expect(res.body).toEqual(expect.objectContaining({ action: 'restarted', previousState: 'RUNNING', connectState: 'RESTARTING' }));
    await eventually(async () => (allRunning((await connect('GET', '/status')).body) ? true : undefined), 'RUNNING after restart');
    const { rows } = await ctx.db.query('SELECT actor_user_id, action FROM admin_audit_log WHERE id = $1', [res.body.auditId]);
    expect(rows[0]).toEqual({ actor_user_id: null, action: 'connector.restart' });
  });

  it('rejects a malformed actor with 400 naming the field, before touching the connector', async () => {
    const res = await ctx
      .http()
      .post('/api/ops/connector/restart')
      .set('X-Api-Key', writer)
      .send({ actor: { userId: 'me' } })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('actor.userId');
  });
});

describe('ops pipeline endpoint: each source fails on its own, quickly', () => {
  let ctx: TestContext;
  let hanging: http.Server;
  let key: string;

  beforeAll(async () => {
    // accepts connections and never answers: the indexer source must time out, not hang the report
    hanging = http.createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const port = (hanging.address() as AddressInfo).port;
    ctx = await startApp({
      CONNECT_URL: 'http://127.0.0.1:9',
      INDEXER_URL: `http://127.0.0.1:${port}`,
      CDC_SLOT_NAME: 'no_such_slot',
      OPS_SOURCE_TIMEOUT_MS: '800',
    });
    key = (await createApiKey(ctx.db, { scopes: ['ops:read', 'ops:write'] })).key;
  });
  afterAll(async () => {
    await ctx?.close();
    hanging?.closeAllConnections();
    await new Promise((r) => hanging?.close(r));
  });

  it('answers 200 within the timeout with the broken sections unavailable and the others ok', async () => {
    const t0 = Date.now();
    const r = (await ctx.http().get('/api/ops/pipeline').set('X-Api-Key', key).expect(200)).body;
    expect(Date.now() - t0).toBeLessThan(2_500);
    expect(r.connector).toEqual({ status: 'unavailable', reason: expect.stringMatching(/Kafka Connect unreachable/) });
    expect(r.indexer).toEqual({ status: 'unavailable', reason: expect.stringMatching(/within 800 ms|aborted|timeout/i) });
    expect(r.replicationSlot).toEqual({ status: 'unavailable', reason: 'replication slot no_such_slot does not exist' });
    expect(r.consumerGroup.status).toBe('ok');
    expect(r.index.status).toBe('ok');
    expect(r.healthy).toBe(false);
  });

  it('a connector action with Connect down is 503 naming Connect', async () => {
    const res = await ctx.http().post('/api/ops/connector/restart').set('X-Api-Key', key).send({}).expect(503);
    expect(res.body.message).toMatch(/Kafka Connect unreachable/);
  });
});
