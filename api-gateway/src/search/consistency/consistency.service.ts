import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedException } from '../../common/errors/validation.exception';
import { SEARCH_CLIENT, SearchClient, totalHits } from '../es/es-client';
import { CircuitBreaker, throughBreaker } from '../resilience/circuit-breaker';
import { isNodeFailure } from '../resilience/node-failure';
import { currentWalLsn } from '../wal-lsn';
import { SearchSettings } from '../search.settings';
import { ConsistencyToken, formatToken, parseToken } from './consistency-token';
import { pollDelays } from './poll-schedule';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

@Injectable()
export class ConsistencyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly breaker: CircuitBreaker,
  ) {}

  /** Token for a product write that has just committed. */
  async tokenFor(productId: number): Promise<string> {
    return formatToken({ productId, lsn: await currentWalLsn(this.db) });
  }

  parse(raw: unknown): ConsistencyToken {
    const token = parseToken(raw);
    if (!token)
      throw new ValidationFailedException(
        [{ field: 'consistentWith', message: 'is not a valid consistency token' }],
        'Invalid query: consistentWith',
      );
    return token;
  }

  /**
   * Searchable (refreshed) state reached? A search, not a GET: GETs are realtime and would lie.
   * Through the search node's circuit breaker: while the node is away, false at once.
   */
  applied(t: ConsistencyToken): Promise<boolean> {
    return throughBreaker(
      this.breaker,
      isNodeFailure,
      () => this.indexApplied(t),
      async () => false,
    );
  }

  private async indexApplied(t: ConsistencyToken): Promise<boolean> {
    const res = await this.es.search(
      {
        index: this.settings.SEARCH_PRODUCTS_ALIAS,
        size: 0,
        track_total_hits: true,
        query: { bool: { filter: [{ term: { id: t.productId } }, { range: { indexedLsn: { gte: t.lsn } } }] } },
      } as never,
      { requestTimeout: this.settings.SEARCH_QUERY_TIMEOUT_MS, maxRetries: 0 },
    );
    return totalHits(res.hits.total).value > 0;
  }

  /**
   * Waits (bounded) until the index applied the token's write; false = did not catch up in time.
   * Polls with backoff and at most MAX_CHECKS queries (poll-schedule.ts).
   */
  async waitFor(t: ConsistencyToken, timeoutMs = this.settings.SEARCH_CONSISTENCY_TIMEOUT_MS): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (const delay of [...pollDelays(timeoutMs), undefined]) {
      if (await this.applied(t)) return true;
      if (this.breaker.current !== 'closed') return false; // the node is away: no point in polling it
      if (delay === undefined || Date.now() + delay > deadline) return false;
      await sleep(delay);
    }
    return false;
  }
}
