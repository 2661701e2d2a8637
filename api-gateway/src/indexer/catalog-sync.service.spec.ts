import { SearchSettings } from '../search/search.settings';
import { CatalogSyncService, RetryableSyncError } from './catalog-sync.service';
import type { CdcEvent } from './cdc-event';
import { IndexerMetrics } from './indexer-metrics';

const event = (table: string, key: Record<string, unknown>, extra: Partial<CdcEvent> = {}): CdcEvent => ({
  topic: `commerce.public.${table}`,
  partition: 0,
  offset: String(Math.floor(Math.random() * 1e6)),
  table,
  op: 'u',
  lsn: 100,
  sourceTsMs: Date.now(),
  deleted: false,
  key,
  value: { ...key },
  ...extra,
});

/** Fakes of the ES client, the index manager, the document sources and the invalidator; every call is logged. */
function setup(opts: { bulkItems?: (docs: Array<{ id: number }>) => Array<Record<string, unknown>>; targets?: string[] } = {}) {
  const log: string[] = [];
  const es = {
    bulk: async ({ operations }: { operations: Array<Record<string, unknown>> }) => {
      const docs = operations.filter((_, i) => i % 2 === 1) as Array<{ id: number }>;
      log.push(`bulk ${docs.map((d) => d.id).join(',')}`);
      const items = opts.bulkItems?.(docs) ?? docs.map((d) => ({ index: { _index: 'products-v1', _id: String(d.id), status: 201 } }));
      return { items };
    },
    indices: {
      refresh: async () => {
        log.push('refresh');
      },
    },
  };
  const indexes = { indicesOf: async () => opts.targets ?? ['products-v1'] };
  const products = {
    load: async (ids: number[]) => {
      log.push(`read ${ids.join(',')}`);
      return ids.map((id) => ({ id, indexedLsn: 1 }));
    },
    idsInCategorySubtrees: async (ids: number[]) => (ids.includes(7) ? [70, 71] : []),
    idsOfBrands: async (ids: number[]) => (ids.includes(9) ? [90] : []),
    currentLsn: async () => 5,
  };
  const orders = {
    load: async (ids: number[]) => {
      log.push(`orders ${ids.join(',')}`);
      return ids.map((id) => ({ id, indexedLsn: 5 }));
    },
  };
  const invalidator = {
    invalidateProducts: async (ids: number[]) => {
      log.push(`invalidate ${ids.join(',')}`);
    },
  };
  const settings = Object.assign(new SearchSettings(), { SEARCH_PRODUCTS_ALIAS: 'products', SEARCH_ORDERS_ALIAS: 'orders' });
  const sync = new CatalogSyncService(
    es as never,
    settings,
    indexes as never,
    products as never,
    orders as never,
    invalidator as never,
    new IndexerMetrics(),
    { refresh: 'refresh' },
  );
  return { sync, log };
}

describe('CatalogSyncService.apply', () => {
  it('re-reads every affected product once (fan-out of categories and brands), writes, refreshes, then invalidates', async () => {
    const { sync, log } = setup();
    const result = await sync.apply([
      event('products', { id: 3 }),
      event('products', { id: 3 }, { lsn: 101 }), // duplicate in the batch
      event('inventory', { product_id: 1 }),
      event('categories', { id: 7 }),
      event('brands', { id: 9 }),
      event('orders', { id: 5 }),
    ]);
    expect(result.poison).toEqual([]);
    expect(log).toEqual(['read 1,3,70,71,90', 'bulk 1,3,70,71,90', 'refresh', 'orders 5', 'bulk 5', 'invalidate 1,3,70,71,90']);
  });

  it('dead-letters an event with an unusable key and still applies the rest', async () => {
    const { sync, log } = setup();
    const bad = event('products', { id: 'x' });
    const result = await sync.apply([bad, event('products', { id: 2 })]);
    expect(result.poison).toEqual([{ event: bad, error: expect.stringMatching(/no valid id/) }]);
    expect(log).toContain('bulk 2');
  });

  it('a transient _bulk failure throws RetryableSyncError before the cache is invalidated', async () => {
    const { sync, log } = setup({
      bulkItems: (docs) =>
        docs.map((d) => ({
          index: { _index: 'products-v1', _id: String(d.id), status: 429, error: { type: 'es_rejected_execution_exception' } },
        })),
    });
    await expect(sync.apply([event('products', { id: 4 })])).rejects.toBeInstanceOf(RetryableSyncError);
    expect(log.some((l) => l.startsWith('invalidate'))).toBe(false);
  });

  it('a document the index rejects for good becomes poison for its events', async () => {
    const { sync } = setup({
      bulkItems: (docs) =>
        docs.map((d) => ({
          index: {
            _index: 'products-v1',
            _id: String(d.id),
            status: 400,
            error: { type: 'mapper_parsing_exception', reason: 'bad price' },
          },
        })),
    });
    const e = event('products', { id: 6 });
    const result = await sync.apply([e]);
    expect(result.poison).toEqual([{ event: e, error: expect.stringMatching(/index rejected product 6: mapper_parsing_exception/) }]);
  });

  it('no index behind the write alias is retryable (a reindex swap in progress)', async () => {
    const { sync } = setup({ targets: [] });
    await expect(sync.apply([event('products', { id: 1 })])).rejects.toThrow(/no index behind alias products-write/);
  });
});
