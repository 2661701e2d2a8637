import { errors } from '@elastic/elasticsearch';
import { ValidationFailedException } from '../common/errors/validation.exception';
import { RetryLaterException } from '../common/errors/service-unavailable.exception';
import { encodeCursor } from '../catalog/cursor';
import type { ProductPage } from '../catalog/product.view';
import { parseProductQuery } from '../catalog/product-query';
import { CircuitBreaker } from './resilience/circuit-breaker';
import { ResilientProductSearch } from './resilient-product-search.service';
import { SearchSettings } from './search.settings';

const page = (from: string): ProductPage => ({
  items: [],
  total: from === 'es' ? 1 : 2,
  totalRelation: 'eq',
  page: 1,
  pageSize: 24,
  nextCursor: null,
  facets: {},
});

function setup(opts: { es?: () => Promise<ProductPage>; pg?: () => Promise<ProductPage>; fallback?: 'postgres' | 'off' } = {}) {
  const calls = { es: 0, pg: 0 };
  const es = {
    validate: () => undefined,
    search: () => {
      calls.es++;
      return (opts.es ?? (async () => page('es')))();
    },
  };
  const pg = {
    search: () => {
      calls.pg++;
      return (opts.pg ?? (async () => page('pg')))();
    },
  };
  const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 10_000 });
  const settings = Object.assign(new SearchSettings(), { SEARCH_FALLBACK: opts.fallback ?? 'postgres' });
  const log = { warn: () => undefined, error: () => undefined };
  const service = new ResilientProductSearch(es as never, pg as never, breaker, settings, log as never);
  return { service, calls, breaker };
}
const refused = async (): Promise<ProductPage> => {
  throw new errors.ConnectionError('connect ECONNREFUSED');
};

describe('ResilientProductSearch', () => {
  it('serves the index when it answers', async () => {
    const { service, calls } = setup();
    await expect(service.search(parseProductQuery({}))).resolves.toEqual(expect.objectContaining({ total: 1, degraded: false }));
    expect(calls).toEqual({ es: 1, pg: 0 });
  });

  it('falls back to PostgreSQL on a node failure, and skips the node once the breaker is open', async () => {
    const { service, calls, breaker } = setup({ es: refused });
    for (let i = 0; i < 4; i++)
      await expect(service.search(parseProductQuery({}))).resolves.toEqual(expect.objectContaining({ total: 2, degraded: true }));
    expect(breaker.current).toBe('open');
    expect(calls).toEqual({ es: 2, pg: 4 });
  });

  it("passes a live node's 400 through and does not count it", async () => {
    const { service, calls, breaker } = setup({
      es: async () => {
        throw new ValidationFailedException([{ field: 'cursor', message: 'bad' }]);
      },
    });
    await expect(service.search(parseProductQuery({}))).rejects.toBeInstanceOf(ValidationFailedException);
    expect(breaker.consecutiveFailures).toBe(0);
    expect(calls.pg).toBe(0);
  });

  it('503 + Retry-After when the fallback cannot answer: fallback off, index cursor, PostgreSQL failing', async () => {
    const off = setup({ es: refused, fallback: 'off' });
    await expect(off.service.search(parseProductQuery({}))).rejects.toEqual(
      expect.objectContaining({ status: 503, retryAfterSeconds: expect.any(Number) }),
    );

    const cursor = setup({ es: refused });
    const q = parseProductQuery({ sort: 'price_asc', cursor: encodeCursor({ s: 'price_asc', k: 12.5, i: 3 }) });
    await expect(cursor.service.search(q)).rejects.toBeInstanceOf(RetryLaterException);
    expect(cursor.calls.pg).toBe(0);

    const pgDown = setup({
      es: refused,
      pg: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:55432');
      },
    });
    const err = await pgDown.service.search(parseProductQuery({})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLaterException);
    expect((err as RetryLaterException).getStatus()).toBe(503);
    expect((err as RetryLaterException).message).not.toContain('55432');
  });

  it('a cursor issued by the fallback continues on the fallback without asking the node', async () => {
    const { service, calls } = setup();
    const q = parseProductQuery({ sort: 'price_asc', cursor: encodeCursor({ s: 'price_asc', k: '19.99', i: 3 }) });
    await expect(service.search(q)).resolves.toEqual(expect.objectContaining({ degraded: true }));
    expect(calls).toEqual({ es: 0, pg: 1 });
  });
});
