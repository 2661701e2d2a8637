import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailedException } from '../../common/errors/validation.exception';
import type { ProductPage, ProductView } from '../../catalog/product.view';
import { encodeCursor } from '../../catalog/cursor';
import { effectiveSort, normalizeQuery, ProductQuery } from '../../catalog/product-query';
import { ProductSearch } from '../../catalog/product-search';
import { CategoryTreeService } from '../category-tree.service';
import { isBadRequest, isNotFound, SEARCH_CLIENT, SearchClient, totalHits } from '../es/es-client';
import { mapFacets } from '../query/facets.mapper';
import { correctedText, DID_YOU_MEAN_BELOW, SuggestEntry } from '../query/did-you-mean';
import { buildSearchRequest, textQuery } from '../query/search-request.builder';
import { SearchSettings } from '../search.settings';

interface Hit {
  _id: string;
  _source?: ProductView;
  sort?: Array<number | string>;
  highlight?: Record<string, string[]>;
}

type SearchResponse = Awaited<ReturnType<SearchClient['search']>>;

/** Search hit as returned by the API: the product contract plus highlight fragments. */
export type SearchItem = ProductView & { highlight?: Record<string, string[]> };

/**
 * GET /api/products on Elasticsearch (bound as the ProductSearch of the products module).
 * Identical concurrent queries share one ES request (in-process single flight: a cache miss under
 * load does not stampede the cluster; the Redis result cache sits in ProductsService).
 */
@Injectable()
export class EsProductSearchService extends ProductSearch {
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

  /** The API's searches: bounded by SEARCH_QUERY_TIMEOUT_MS, no retry (the breaker and the fallback take over). */
  private get requestOptions(): { requestTimeout: number; maxRetries: number } {
    return { requestTimeout: this.settings.SEARCH_QUERY_TIMEOUT_MS, maxRetries: 0 };
  }

  /** 400 for what this backend cannot answer (page window, a cursor it did not issue). */
  validate(q: ProductQuery): void {
    if (!q.cursor && q.page * q.pageSize > this.settings.SEARCH_PAGE_WINDOW) {
      throw new ValidationFailedException(
        [
          {
            field: 'page',
            message: `page * pageSize must be at most ${this.settings.SEARCH_PAGE_WINDOW}; use cursor (nextCursor) to go deeper`,
          },
        ],
        'Invalid query: page',
      );
    }
    if (q.cursor && typeof q.cursor.k !== 'number') {
      throw new ValidationFailedException([{ field: 'cursor', message: 'is not a valid cursor' }], 'Invalid query: cursor');
    }
  }

  private async run(q: ProductQuery): Promise<ProductPage> {
    const [res, categories] = await Promise.all([this.query(q), this.categories.categories()]);
    const hits = (res.hits.hits as Hit[]).slice(0, q.pageSize + 1);
    const hasMore = hits.length > q.pageSize;
    const page = hits.slice(0, q.pageSize);
    const items: SearchItem[] = page.map((h) => (h.highlight ? { ...h._source!, highlight: h.highlight } : h._source!));
    const last = page[page.length - 1];
    const total = totalHits(res.hits.total);
    const didYouMean =
      q.q && total.value < DID_YOU_MEAN_BELOW && !q.cursor
        ? await this.didYouMean(q.q, (res.suggest?.words ?? []) as unknown as SuggestEntry[])
        : null;
    return {
      items,
      total: total.value,
      totalRelation: total.relation,
      page: q.cursor ? null : q.page, // a cursor page has no page number
      pageSize: q.pageSize,
      nextCursor:
        hasMore && last?.sort
          ? encodeCursor({
              s: effectiveSort(q.sort, q.q),
              k: last.sort[0] as number,
              i: Number(last._id),
              ...(res.pit_id ? { p: res.pit_id } : {}),
            })
          : null,
      facets: mapFacets((res.aggregations ?? {}) as never, categories),
      didYouMean,
    };
  }

  /**
   * A correction of `text` from the term suggestions the search returned (its `suggest` section),
   * offered only if it finds visible products: one more request, and only when a word was corrected.
   */
  private async didYouMean(text: string, suggestions: SuggestEntry[]): Promise<string | null> {
    const corrected = correctedText(text, suggestions);
    if (!corrected) return null;
    const found = await this.es.count(
      {
        index: this.settings.SEARCH_PRODUCTS_ALIAS,
        query: { bool: { filter: [{ term: { visible: true } }], must: [textQuery(corrected)] } },
      } as never,
      this.requestOptions,
    );
    return found.count > 0 ? corrected : null;
  }

  /**
   * Shallow pages (page/pageSize, and the first page) search the alias. Cursor pages run inside a
   * point in time, opened by the first cursor page and carried in every nextCursor, so deep paging
   * reads one snapshot. A PIT that expired, was closed or lost its index to a reindex restarts
   * transparently: a new PIT continues from the cursor's sort values (documented in docs/search.md).
   */
  private async query(q: ProductQuery): Promise<SearchResponse> {
    const body = this.requestBody(q);
    if (!q.cursor)
      return this.es.search(
        { index: this.settings.SEARCH_PRODUCTS_ALIAS, ...body } as never,
        this.requestOptions,
      ) as Promise<SearchResponse>;
    const carried = q.cursor.p;
    try {
      return await this.searchInPit(carried ?? (await this.openPit()), body);
    } catch (err) {
      if (carried && isNotFound(err)) return this.searchInPit(await this.openPit(), body);
      if (carried && isBadRequest(err)) {
        throw new ValidationFailedException([{ field: 'cursor', message: 'refers to an invalid point in time' }], 'Invalid query: cursor');
      }
      throw err;
    }
  }

  private async openPit(): Promise<string> {
    const res = await this.es.openPointInTime(
      { index: this.settings.SEARCH_PRODUCTS_ALIAS, keep_alive: this.settings.SEARCH_PIT_KEEP_ALIVE },
      this.requestOptions,
    );
    return res.id;
  }

  private searchInPit(id: string, body: Record<string, unknown>): Promise<SearchResponse> {
    return this.es.search(
      { ...body, pit: { id, keep_alive: this.settings.SEARCH_PIT_KEEP_ALIVE } } as never,
      this.requestOptions,
    ) as Promise<SearchResponse>;
  }
}
