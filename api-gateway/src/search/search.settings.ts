import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { readEnvFiles } from '../config/load-config';

/**
 * Settings of the search module and the CDC indexer (read from the same .env.example/.env/process
 * env as the gateway config; validated once, a bad value stops the process naming the variable).
 */
export class SearchSettings {
  /**
   * Backend of GET /api/products: the index or the PostgreSQL fallback of the products module.
   * Unset: elasticsearch, except APP_ENV=test (the gateway's e2e DB is not captured by CDC).
   */
  @IsOptional() @IsIn(['elasticsearch', 'postgres']) SEARCH_BACKEND?: 'elasticsearch' | 'postgres';
  @IsString() @Matches(/^https?:\/\/[^\s]+$/) ELASTICSEARCH_URL = 'http://127.0.0.1:9200';
  @IsString() @MinLength(1) KAFKA_BROKERS = '127.0.0.1:9092';
  /** Debezium topic.prefix (connectors/catalog-postgres.json). */
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) CDC_TOPIC_PREFIX = 'commerce';
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) INDEXER_GROUP_ID = 'search-indexer';
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) INDEXER_DLQ_TOPIC = 'commerce.search-indexer.dlq';
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) INDEXER_HTTP_PORT = 3001;
  /** Read alias of the product index; writes go to every index behind `${alias}-write`. */
  @IsString() @Matches(/^[a-z0-9_-]+$/) SEARCH_PRODUCTS_ALIAS = 'products';
  @IsString() @Matches(/^[a-z0-9_-]+$/) SEARCH_ORDERS_ALIAS = 'orders';
  /** Deepest page/pageSize window (from + size); cursors go beyond. */
  @Type(() => Number) @IsInt() @Min(100) @Max(10000) SEARCH_PAGE_WINDOW = 10000;
  /** How long a cursor's point in time stays open after each page (Elasticsearch time unit). */
  @IsString() @Matches(/^[1-9][0-9]*[smh]$/) SEARCH_PIT_KEEP_ALIVE = '2m';
  /** `total` is exact up to this many hits, then totalRelation = "gte". */
  @Type(() => Number) @IsInt() @Min(100) @Max(1000000) SEARCH_TOTAL_THRESHOLD = 10000;
  /** Longest wait for ?consistentWith= before answering with X-Consistency: stale. */
  @Type(() => Number) @IsInt() @Min(0) @Max(30000) SEARCH_CONSISTENCY_TIMEOUT_MS = 5000;
  /**
   * Degraded search (docs/search.md): while the node is unreachable or failing, GET /api/products
   * answers from PostgreSQL (`postgres`) or with 503 + Retry-After (`off`).
   */
  @IsIn(['postgres', 'off']) SEARCH_FALLBACK: 'postgres' | 'off' = 'postgres';
  /** Consecutive failed searches that open the circuit breaker (no request goes to the node then). */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) SEARCH_BREAKER_FAILURES = 3;
  /** How long the breaker stays open before one probe search goes to the node again. */
  @Type(() => Number) @IsInt() @Min(100) @Max(600000) SEARCH_BREAKER_OPEN_MS = 5000;
  /** Per-request timeout of the API's searches (no retry): a hung node counts as failed after this. */
  @Type(() => Number) @IsInt() @Min(100) @Max(60000) SEARCH_QUERY_TIMEOUT_MS = 3000;

  get productsWriteAlias(): string {
    return `${this.SEARCH_PRODUCTS_ALIAS}-write`;
  }
  get ordersWriteAlias(): string {
    return `${this.SEARCH_ORDERS_ALIAS}-write`;
  }
  get brokers(): string[] {
    return this.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
  }
  topic(table: string): string {
    return `${this.CDC_TOPIC_PREFIX}.public.${table}`;
  }
}

export function loadSearchSettings(raw: Record<string, unknown> = readEnvFiles()): SearchSettings {
  const settings = plainToInstance(SearchSettings, raw, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(settings, { skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
    throw new Error(`Invalid search configuration:\n  - ${lines.join('\n  - ')}`);
  }
  return settings;
}
