import { Injectable } from '@nestjs/common';
import { requireAdmin } from '../common/http/require-admin';
import type { AuthenticatedUser } from '../common/http/request-context';
import { ProductCacheService } from '../catalog/product-cache.service';
import { normalizeQuery, parseProductQuery, ProductQuery } from '../catalog/product-query';
import { ProductSearch } from '../catalog/product-search';
import type { ProductPage } from '../catalog/product.view';
import { ConsistencyService } from './consistency/consistency.service';

/** A product list answer and how it was produced (the HTTP layer turns these into headers). */
export interface ProductListResult {
  page: ProductPage;
  /** X-Cache: the Redis list cache answered (hit), was filled (miss) or was skipped (bypass). */
  cache: 'hit' | 'miss' | 'bypass';
  /** X-Consistency (consistentWith only): the index had applied the write (or the page came from PostgreSQL). */
  consistency?: 'applied' | 'stale';
}

/**
 * The one path of GET /api/products and GraphQL `products`: parse and validate the query, answer
 * from the Redis list cache or the product search (index, or PostgreSQL while the node is away),
 * and cache what the index answered. `consistentWith` (admins) waits for the index to apply a
 * write and bypasses the cache. A degraded page is never cached.
 */
@Injectable()
export class ProductListService {
  constructor(
    private readonly search: ProductSearch,
    private readonly cache: ProductCacheService,
    private readonly consistency: ConsistencyService,
  ) {}

  /** `raw`: express' query object (or the GraphQL input mapped to it). */
  async list(raw: Record<string, unknown>, user?: AuthenticatedUser): Promise<ProductListResult> {
    const { consistentWith, ...rest } = raw;
    if (consistentWith !== undefined) return this.consistent(consistentWith, rest, user);
    return this.cached(parseProductQuery(rest));
  }

  private async cached(query: ProductQuery): Promise<ProductListResult> {
    const { key, gen, value } = await this.cache.getList<ProductPage>(normalizeQuery(query));
    if (value) return { page: { ...value, degraded: false }, cache: 'hit' };
    const page = await this.search.search(query);
    if (page.degraded) return { page, cache: 'miss' };
    await this.cache.setList(key, gen, page);
    return { page: { ...page, degraded: false }, cache: 'miss' };
  }

  /** Uncached and polling the index: only for the writers (admins), never an anonymous lever (issue 9, F5). */
  private async consistent(raw: unknown, rest: Record<string, unknown>, user?: AuthenticatedUser): Promise<ProductListResult> {
    requireAdmin(user, 'consistentWith');
    const token = this.consistency.parse(raw);
    const query = parseProductQuery(rest);
    const applied = await this.consistency.waitFor(token);
    const page = await this.search.search(query);
    // a page from PostgreSQL (the node is away) reflects every committed write
    const consistency = applied || page.degraded ? 'applied' : 'stale';
    return { page: { ...page, degraded: page.degraded === true }, cache: 'bypass', consistency };
  }
}
