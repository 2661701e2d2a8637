import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailedException } from '../common/errors/validation.exception';
import type { ProductPage, ProductView } from '../products/dto/product.view';
import { encodeCursor } from '../products/cursor';
import { effectiveSort, normalizeQuery, ProductQuery } from '../products/product-query';
import { ProductSearchService } from '../products/product-search.service';
import { CategoryTreeService } from './category-tree.service';
import { SEARCH_CLIENT, SearchClient } from './es/es-client';
import { mapFacets } from './query/facets.mapper';
import { buildSearchRequest } from './query/search-request.builder';
import { SearchSettings } from './search.settings';

interface Hit {
  _id: string;
  _source?: ProductView;
  sort?: Array<number | string>;
  highlight?: Record<string, string[]>;
}

/** Search hit as returned by the API: the product contract plus highlight fragments. */
export type SearchItem = ProductView & { highlight?: Record<string, string[]> };

/**
 * GET /api/products on Elasticsearch (bound as the ProductSearchService of the products module).
 * Identical concurrent queries share one ES request (in-process single flight: a cache miss under
 * load does not stampede the cluster; the Redis result cache sits in ProductsService).
 */
@Injectable()
export class EsProductSearchService extends ProductSearchService {
  private readonly inFlight = new Map<string, Promise<ProductPage>>();

  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly categories: CategoryTreeService,
  ) {
    super();
  }

  search(q: ProductQuery): Promise<ProductPage> {
    this.validate(q);
    const key = normalizeQuery(q);
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.run(q).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  /** Raw ES request body for a query (the benchmark sends the same bodies straight to ES). */
  requestBody(q: ProductQuery): Record<string, unknown> {
    return buildSearchRequest(q, { totalThreshold: this.settings.SEARCH_TOTAL_THRESHOLD });
  }

  private validate(q: ProductQuery): void {
    if (!q.cursor && q.page * q.pageSize > this.settings.SEARCH_PAGE_WINDOW) {
      throw new ValidationFailedException(
        [{ field: 'page', message: `page * pageSize must be at most ${this.settings.SEARCH_PAGE_WINDOW}; use cursor (nextCursor) to go deeper` }],
        'Invalid query: page',
      );
    }
    if (q.cursor && typeof q.cursor.k !== 'number') {
      throw new ValidationFailedException([{ field: 'cursor', message: 'is not a valid cursor' }], 'Invalid query: cursor');
    }
  }

  private async run(q: ProductQuery): Promise<ProductPage> {
    const [res, categories] = await Promise.all([
      this.es.search({ index: this.settings.SEARCH_PRODUCTS_ALIAS, ...this.requestBody(q) } as never),
      this.categories.categories(),
    ]);
    const hits = (res.hits.hits as Hit[]).slice(0, q.pageSize + 1);
    const hasMore = hits.length > q.pageSize;
    const page = hits.slice(0, q.pageSize);
    const items: SearchItem[] = page.map((h) => (h.highlight ? { ...h._source!, highlight: h.highlight } : h._source!));
    const last = page[page.length - 1];
    const total = typeof res.hits.total === 'number' ? { value: res.hits.total, relation: 'eq' } : res.hits.total ?? { value: 0, relation: 'eq' };
    return {
      items,
      total: total.value,
      totalRelation: total.relation === 'gte' ? 'gte' : 'eq',
      page: q.page,
      pageSize: q.pageSize,
      nextCursor: hasMore && last?.sort ? encodeCursor({ s: effectiveSort(q.sort, q.q), k: last.sort[0] as number, i: Number(last._id) }) : null,
      facets: mapFacets((res.aggregations ?? {}) as never, categories),
    };
  }
}
