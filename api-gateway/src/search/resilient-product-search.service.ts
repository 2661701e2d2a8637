import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { RetryLaterException } from '../common/errors/service-unavailable.exception';
import { LOGGER } from '../common/logging/logger';
import type { ProductPage } from '../catalog/product.view';
import { PgProductSearchService } from './backends/pg-product-search.service';
import type { ProductQuery } from '../catalog/product-query';
import { ProductSearch } from '../catalog/product-search';
import { describeEsError } from './es/es-client';
import { EsProductSearchService } from './backends/es-product-search.service';
import { CircuitBreaker, throughBreaker } from './resilience/circuit-breaker';
import { isNodeFailure } from './resilience/node-failure';
import { SearchSettings } from './search.settings';

/** Seconds a client should wait when the fallback itself could not answer. */
const FALLBACK_RETRY_AFTER_S = 5;

/**
 * The product search of the API when the index is the backend: Elasticsearch behind a circuit
 * breaker, PostgreSQL (the PostgreSQL backend) when the node is unreachable or failing. A page from
 * the fallback carries `degraded: true`. Where the fallback cannot answer (it is off, the request
 * continues an index cursor, PostgreSQL fails too) the answer is 503 with Retry-After, never 500.
 */
@Injectable()
export class ResilientProductSearch extends ProductSearch {
  constructor(
    private readonly es: EsProductSearchService,
    private readonly pg: PgProductSearchService,
    private readonly breaker: CircuitBreaker,
    private readonly settings: SearchSettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    super();
  }

  async search(q: ProductQuery): Promise<ProductPage> {
    // a cursor issued by the fallback (its sort key is text) continues on the fallback
    if (q.cursor && typeof q.cursor.k === 'string') return this.fallback(q);
    this.es.validate(q);
    return throughBreaker(
      this.breaker,
      isNodeFailure,
      async () => ({ ...(await this.es.search(q)), degraded: false }),
      async (err) => {
        if (err)
          this.log.warn(
            { component: 'search', breaker: this.breaker.current, err: describeEsError(err) },
            'search node failed: serving from PostgreSQL',
          );
        return this.fallback(q);
      },
    );
  }

  private async fallback(q: ProductQuery): Promise<ProductPage> {
    const retryAfter = Math.max(1, this.breaker.retryAfterSeconds());
    if (this.settings.SEARCH_FALLBACK === 'off') {
      throw new RetryLaterException(retryAfter, `Search is temporarily unavailable; retry in ${retryAfter} s`);
    }
    if (q.cursor && typeof q.cursor.k === 'number') {
      throw new RetryLaterException(
        retryAfter,
        `This cursor continues a search-index result and search is temporarily unavailable; retry in ${retryAfter} s, or start again without the cursor`,
      );
    }
    try {
      return { ...(await this.pg.search(q)), degraded: true };
    } catch (err) {
      if (err instanceof HttpException) throw err;
      this.log.error({ component: 'search', err: (err as Error)?.message }, 'search fallback (PostgreSQL) failed');
      throw new RetryLaterException(FALLBACK_RETRY_AFTER_S, `Search is temporarily unavailable; retry in ${FALLBACK_RETRY_AFTER_S} s`);
    }
  }
}
