import type { AppConfig } from '../config/app-config';
import { PipelineStatusService, REPORT_REUSE_MS } from './pipeline-status.service';

const running = { name: 'c', state: 'RUNNING', workerId: 'w', tasks: [{ id: 0, state: 'RUNNING', workerId: 'w', trace: null }] };

function build(connector: () => Promise<unknown>, indexer: () => Promise<unknown> = async () => ({ running: true })) {
  const ok = async () => ({});
  const sources = {
    connect: { status: jest.fn(connector) },
    slot: { read: jest.fn(ok) },
    lag: { read: jest.fn(ok) },
    stats: { read: jest.fn(indexer) },
    counts: { read: jest.fn(ok) },
  };
  const svc = new PipelineStatusService(
    { env: { OPS_SOURCE_TIMEOUT_MS: 200 } } as AppConfig,
    sources.connect as never,
    sources.slot as never,
    sources.lag as never,
    sources.stats as never,
    sources.counts as never,
  );
  return { svc, sources };
}

describe('PipelineStatusService', () => {
  afterEach(() => jest.useRealTimers());

  it('healthy only when the connector and every task run and every section was read', async () => {
    expect((await build(async () => running).svc.report()).healthy).toBe(true);
    expect((await build(async () => ({ ...running, state: 'PAUSED' })).svc.report()).healthy).toBe(false);
    expect((await build(async () => ({ ...running, tasks: [{ ...running.tasks[0], state: 'FAILED' }] })).svc.report()).healthy).toBe(false);
    expect((await build(async () => ({ ...running, tasks: [] })).svc.report()).healthy).toBe(false);
    const r = await build(
      async () => running,
      async () => {
        throw new Error('indexer answered 503 on /stats');
      },
    ).svc.report();
    expect(r.healthy).toBe(false);
    expect(r.indexer).toEqual({ status: 'unavailable', reason: 'indexer answered 503 on /stats' });
    expect(r.connector.status).toBe('ok');
  });

  it('requests within a second share one read of the sources', async () => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick'] });
    const { svc, sources } = build(async () => running);
    const [a, b] = await Promise.all([svc.report(), svc.report()]);
    expect(a).toBe(b);
    expect(sources.connect.status).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1_000_000 + REPORT_REUSE_MS);
    await svc.report();
    expect(sources.connect.status).toHaveBeenCalledTimes(2);
  });
});
