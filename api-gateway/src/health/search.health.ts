import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_CLIENT, SearchClient } from '../search/es/es-client';
import { BreakerState, CircuitBreaker, throughBreaker } from '../search/resilience/circuit-breaker';
import { isNodeFailure } from '../search/resilience/node-failure';
import { SearchSettings } from '../search/search.settings';

export type SearchCheck = 'up' | 'degraded' | 'down';

export interface SearchHealth {
  /** up: the node answers; degraded: it does not, the product list is served by PostgreSQL; down: neither. */
  state: SearchCheck;
  node: 'reachable' | 'unreachable';
  breaker: BreakerState;
  fallback: 'postgres' | 'off';
}

const PING_TIMEOUT_MS = 1000;

/**
 * The search node as the product list sees it. The ping goes through the same circuit breaker as
 * the searches: while the breaker is open nothing is sent (the probe costs no latency), and a
 * successful ping in the half-open state closes it (recovery is seen even without traffic).
 */
@Injectable()
export class SearchHealthIndicator {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly breaker: CircuitBreaker,
    private readonly settings: SearchSettings,
  ) {}

  async check(postgresUp: boolean): Promise<SearchHealth> {
    const reachable = await throughBreaker(
      this.breaker,
      isNodeFailure,
      async () => {
        await this.es.ping({}, { requestTimeout: PING_TIMEOUT_MS, maxRetries: 0 });
        return true;
      },
      async () => false,
    ).catch(() => false);
    const fallback = this.settings.SEARCH_FALLBACK;
    const state: SearchCheck = reachable ? 'up' : fallback === 'postgres' && postgresUp ? 'degraded' : 'down';
    return { state, node: reachable ? 'reachable' : 'unreachable', breaker: this.breaker.current, fallback };
  }
}
