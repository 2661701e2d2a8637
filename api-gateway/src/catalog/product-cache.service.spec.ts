import { listKey, productKey, PRODUCT_GEN_KEY, ProductCacheInvalidator } from './product-cache.service';

describe('product cache keys and invalidation', () => {
  it('uses the agreed key names', () => {
    expect(productKey(12)).toBe('product:12');
    expect(PRODUCT_GEN_KEY).toBe('products:gen');
    expect(listKey('3', 'q')).toMatch(/^products:list:3:[0-9a-f]{40}$/);
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
});
