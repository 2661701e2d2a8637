import type { AppConfig } from '../config/app-config';
import { listKey, productKey, PRODUCT_GEN_KEY, ProductCacheInvalidator, ProductCacheService } from './product-cache.service';

describe('product cache keys and invalidation', () => {
  it('uses the agreed key names', () => {
    expect(productKey(12)).toBe('product:12');
    expect(PRODUCT_GEN_KEY).toBe('products:gen');
    expect(listKey('q')).toMatch(/^products:list:[0-9a-f]{40}$/);
  });
  it('deletes exactly the detail keys and bumps the generation in one MULTI', async () => {
    const ops: unknown[][] = [];
    const multi = {
      del: (...k: string[]) => {
        ops.push(['del', ...k]);
        return multi;
      },
      incr: (k: string) => {
        ops.push(['incr', k]);
        return multi;
      },
      exec: async () => [],
    };
    const inv = new ProductCacheInvalidator({ multi: () => multi } as never);
    await inv.invalidateProducts([1, 2]);
    expect(ops).toEqual([
      ['del', 'product:1', 'product:2'],
      ['incr', 'products:gen'],
    ]);
  });

  describe('list pages (one MGET of the generation and the page)', () => {
    /** Just what the list cache uses of Redis, in memory, counting round trips. */
    function fakeRedis() {
      const data = new Map<string, string>();
      const calls: string[] = [];
      return {
        data,
        calls,
        mget: async (...keys: string[]) => (calls.push('mget'), keys.map((k) => data.get(k) ?? null)),
        set: async (k: string, v: string) => (calls.push('set'), data.set(k, v), 'OK'),
        incr: (k: string) => data.set(k, String(Number(data.get(k) ?? '0') + 1)),
      };
    }
    const config = { env: { CACHE_LIST_TTL_SECONDS: 60 } } as unknown as AppConfig;

    it('a miss, then a hit in one round trip; after a write (gen bump) the page is a miss again', async () => {
      const redis = fakeRedis();
      const cache = new ProductCacheService(redis as never, config);
      const first = await cache.getList<string>('q=shoes');
      expect(first).toEqual({ key: listKey('q=shoes'), gen: '0', value: undefined });
      await cache.setList(first.key, first.gen, 'page-0');
      redis.calls.length = 0;
      expect((await cache.getList<string>('q=shoes')).value).toBe('page-0');
      expect(redis.calls).toEqual(['mget']);
      redis.incr(PRODUCT_GEN_KEY);
      expect(await cache.getList<string>('q=shoes')).toEqual({ key: listKey('q=shoes'), gen: '1', value: undefined });
    });

    it('a page read before a write is stored under the old generation and never served after it', async () => {
      const redis = fakeRedis();
      const cache = new ProductCacheService(redis as never, config);
      const before = await cache.getList<string>('q=shoes'); // gen 0
      redis.incr(PRODUCT_GEN_KEY); // a write commits while the search runs
      await cache.setList(before.key, before.gen, 'stale page');
      expect((await cache.getList<string>('q=shoes')).value).toBeUndefined();
    });

    it('stores nothing when the list cache is off', async () => {
      const redis = fakeRedis();
      const cache = new ProductCacheService(redis as never, { env: { CACHE_LIST_TTL_SECONDS: 0 } } as unknown as AppConfig);
      await cache.setList(listKey('q'), '0', 'page');
      expect(redis.data.size).toBe(0);
    });
  });
});
