import { ApiProperty } from '@nestjs/swagger';
import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailedException } from '../common/errors/validation.exception';
import { RetryLaterException } from '../common/errors/service-unavailable.exception';
import { SEARCH_CLIENT, SearchClient } from './es/es-client';
import { CircuitBreaker, throughBreaker } from './resilience/circuit-breaker';
import { isNodeFailure } from './resilience/node-failure';
import { SearchSettings } from './search.settings';

export interface Suggestion {
  id: number;
  name: string;
  slug: string;
  brand: string;
}

export interface SuggestResponse {
  q: string;
  suggestions: Suggestion[];
  tookMs: number;
}

class SuggestionView implements Suggestion {
  @ApiProperty({ example: 101 }) id: number;
  @ApiProperty({ example: 'Acme organic T-shirt' }) name: string;
  @ApiProperty({ example: 'acme-organic-t-shirt' }) slug: string;
  @ApiProperty({ example: 'Acme' }) brand: string;
}

/** GET /api/products/suggest (OpenAPI schema of SuggestResponse). */
export class SuggestResponseView implements SuggestResponse {
  @ApiProperty({ example: 'org' }) q: string;
  @ApiProperty({ type: [SuggestionView], description: 'best first, at most 10' }) suggestions: SuggestionView[];
  @ApiProperty({ example: 3, description: 'time the search node took' }) tookMs: number;
}

/** Autocomplete over the edge-ngram subfield of name (prefix of every word), best 10. */
@Injectable()
export class SuggestService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly breaker: CircuitBreaker,
  ) {}

  static parse(raw: unknown): string {
    const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const q = typeof values[0] === 'string' ? values[0].trim() : '';
    if (values.length > 1) throw new ValidationFailedException([{ field: 'q', message: 'must be given once' }], 'Invalid query: q');
    if (!q.length) throw new ValidationFailedException([{ field: 'q', message: 'is required' }], 'Invalid query: q');
    if (q.length > 100)
      throw new ValidationFailedException([{ field: 'q', message: 'must be at most 100 characters' }], 'Invalid query: q');
    return q;
  }

  /** Suggestions need the index: while the node is away, 503 + Retry-After (the breaker's open time). */
  suggest(q: string): Promise<SuggestResponse> {
    return throughBreaker(
      this.breaker,
      isNodeFailure,
      () => this.query(q),
      async () => {
        const s = Math.max(1, this.breaker.retryAfterSeconds());
        throw new RetryLaterException(s, `Suggestions are temporarily unavailable; retry in ${s} s`);
      },
    );
  }

  private async query(q: string): Promise<SuggestResponse> {
    const res = await this.es.search(
      {
        index: this.settings.SEARCH_PRODUCTS_ALIAS,
        size: 10,
        track_total_hits: false,
        _source: ['id', 'name', 'slug', 'brand'],
        // edge-ngram subfield: every typed word is a plain term lookup (no prefix expansion at query time)
        query: {
          bool: {
            filter: [{ term: { visible: true } }],
            must: [{ match: { 'name.autocomplete': { query: q, operator: 'and' } } }],
          },
        },
        sort: [{ _score: 'desc' }, { id: 'asc' }],
      } as never,
      { requestTimeout: this.settings.SEARCH_QUERY_TIMEOUT_MS, maxRetries: 0 },
    );
    const suggestions = (res.hits.hits as Array<{ _source?: Suggestion }>).map((h) => h._source!).filter(Boolean);
    return { q, suggestions, tookMs: res.took };
  }
}
