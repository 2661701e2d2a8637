import pino from 'pino';
import type { SearchClient } from '../search/es/es-client';
import { SearchEvent } from './search-event';
import { SearchEventRecorder, SearchEventsOptions } from './search-event.recorder';

const options: SearchEventsOptions = {
  enabled: true,
  prefix: 'search-events',
  batchSize: 100,
  flushMs: 60_000,
  maxBuffered: 1000,
  retentionDays: 30,
};
const event: SearchEvent = {
  timestamp: '2026-11-30T10:00:00.000Z',
  query: 'jeans',
  filters: [],
  sort: null,
  page: 1,
  total: 3,
  zeroResults: false,
  latencyMs: 4.2,
};

/** A search node that refuses the template `down` times (not up yet), then accepts everything. */
function fakeSearchNode(down: number) {
  const calls = { template: 0, bulk: [] as unknown[][] };
  const es = {
    indices: {
      putIndexTemplate: async () => {
        calls.template++;
        if (calls.template <= down) throw new Error('connect ECONNREFUSED 127.0.0.1:9200');
        return {};
      },
      delete: async () => ({}),
    },
    cat: { indices: async () => [] },
    bulk: async ({ operations }: { operations: unknown[] }) => {
      calls.bulk.push(operations);
      return { errors: false };
    },
  };
  return { es: es as unknown as SearchClient, calls };
}

/** A recorder started against fakeSearchNode(down). */
function startedRecorder(down: number) {
  const { es, calls } = fakeSearchNode(down);
  const recorder = new SearchEventRecorder(es, options, pino({ level: 'silent' }));
  recorder.onModuleInit();
  return { recorder, calls };
}

describe('SearchEventRecorder start-up', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('retries the template with backoff while the search node is not up, and writes nothing before it is installed', async () => {
    const { recorder, calls } = startedRecorder(2);
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.template).toBe(1);

    recorder.record(event);
    await recorder.flush();
    expect(calls.bulk).toHaveLength(0); // kept in the buffer, not written into an unmapped daily index

    await jest.advanceTimersByTimeAsync(1_000); // second attempt after 1 s: still down
    expect(calls.template).toBe(2);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(calls.template).toBe(2); // the next one waits 2 s
    await jest.advanceTimersByTimeAsync(1);
    expect(calls.template).toBe(3);

    await recorder.flush();
    expect(calls.bulk).toHaveLength(1);
    expect(calls.bulk[0]).toEqual([{ create: { _index: 'search-events-2026.11.30' } }, event]);
    await recorder.onApplicationShutdown();
  });

  it('installs the template once when the search node is up', async () => {
    const { recorder, calls } = startedRecorder(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls.template).toBe(1);
    await recorder.onApplicationShutdown();
  });
});
