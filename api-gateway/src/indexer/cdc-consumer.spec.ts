import type { EachBatchPayload } from 'kafkajs';
import { SearchSettings } from '../search/search.settings';
import { CdcConsumer } from './cdc-consumer';
import type { CdcEvent } from './cdc-event';
import { IndexerMetrics } from './indexer-metrics';

const message = (offset: string, value: unknown) => ({
  offset,
  key: Buffer.from(JSON.stringify({ id: Number(offset) })),
  value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  timestamp: '0',
  attributes: 0,
  headers: {},
});
const product = (offset: string) =>
  message(offset, { id: Number(offset), __op: 'u', __lsn: 10 + Number(offset), __source_ts_ms: Date.now(), __table: 'products' });

/** A fake kafkajs consumer (captures eachBatch, records commits), sync service and DLQ. */
function setup(apply: (events: CdcEvent[]) => Promise<{ poison: Array<{ event: CdcEvent; error: string }> }>) {
  const commits: unknown[] = [];
  const letters: Array<{ offset: string; error: string }> = [];
  let eachBatch!: (p: EachBatchPayload) => Promise<void>;
  const kafka = {
    connect: async () => undefined,
    subscribe: async () => undefined,
    on: () => undefined,
    events: { CRASH: 'crash' },
    run: async (cfg: { eachBatch: typeof eachBatch }) => {
      eachBatch = cfg.eachBatch;
    },
    commitOffsets: async (o: unknown) => {
      commits.push(o);
    },
    disconnect: async () => undefined,
  };
  const applied: CdcEvent[][] = [];
  const sync = {
    apply: async (events: CdcEvent[]) => {
      applied.push(events);
      return apply(events);
    },
  };
  const dlq = {
    publish: async (ls: Array<{ message: { offset: string }; error: string }>) => {
      letters.push(...ls.map((l) => ({ offset: l.message.offset, error: l.error })));
    },
  };
  const log = { warn: () => undefined, error: () => undefined, info: () => undefined };
  const consumer = new CdcConsumer(kafka as never, new SearchSettings(), sync as never, dlq as never, new IndexerMetrics(), log as never);
  const batch = (messages: ReturnType<typeof message>[], state: { running?: () => boolean; stale?: () => boolean } = {}) =>
    eachBatch({
      batch: { topic: 'commerce.public.products', partition: 2, highWatermark: '100', messages },
      heartbeat: async () => undefined,
      isRunning: state.running ?? (() => true),
      isStale: state.stale ?? (() => false),
      resolveOffset: () => undefined,
    } as never);
  return { consumer, commits, letters, applied, batch };
}

describe('CdcConsumer', () => {
  it('applies a batch and commits the offset after its last message (+1)', async () => {
    const t = setup(async () => ({ poison: [] }));
    await t.consumer.start();
    await t.batch([product('7'), product('8')]);
    expect(t.applied[0].map((e) => e.offset)).toEqual(['7', '8']);
    expect(t.commits).toEqual([[{ topic: 'commerce.public.products', partition: 2, offset: '9' }]]);
  });

  it('dead-letters unparseable messages and what the sync calls poison, then commits past them', async () => {
    const t = setup(async (events) => ({ poison: [{ event: events.find((e) => e.offset === '4')!, error: 'index rejected product 4' }] }));
    await t.consumer.start();
    await t.batch([message('3', 'not json'), product('4'), product('5')]);
    expect(t.letters).toEqual([
      { offset: '3', error: expect.stringMatching(/not JSON/) },
      { offset: '4', error: 'index rejected product 4' },
    ]);
    expect(t.commits).toEqual([[{ topic: 'commerce.public.products', partition: 2, offset: '6' }]]);
  });

  it('retries a failing batch (nothing committed meanwhile) until it applies', async () => {
    let calls = 0;
    const t = setup(async () => {
      calls++;
      if (calls < 3) throw new Error('ES 429');
      return { poison: [] };
    });
    await t.consumer.start();
    await t.batch([product('11')]);
    expect(calls).toBe(3);
    expect(t.commits).toEqual([[{ topic: 'commerce.public.products', partition: 2, offset: '12' }]]);
  }, 10000);

  it('a batch gone stale after a rebalance is dropped uncommitted (the new owner re-applies it)', async () => {
    let stale = false;
    const t = setup(async () => {
      stale = true; // the partition moved while this batch failed
      throw new Error('ES down');
    });
    await t.consumer.start();
    await t.batch([product('20')], { stale: () => stale });
    expect(t.applied).toHaveLength(1);
    expect(t.commits).toEqual([]);
  });

  it('a batch of Kafka tombstones only is committed without applying anything', async () => {
    const t = setup(async () => ({ poison: [] }));
    await t.consumer.start();
    await t.batch([message('30', null)]);
    expect(t.applied).toEqual([]);
    expect(t.commits).toEqual([[{ topic: 'commerce.public.products', partition: 2, offset: '31' }]]);
  });
});
