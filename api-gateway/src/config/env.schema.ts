import 'reflect-metadata';
import { Type } from 'class-transformer';
import { KafkaSettings } from './kafka.settings';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/**
 * Every environment variable the gateway, the CDC indexer and the search CLIs read, each declared
 * once. Validated once at boot (load-config.ts); a bad value exits 78 naming it (config/run-process.ts).
 * The order flow's variables are sections of their own (env-section.ts), validated the same way.
 */
export class EnvironmentSchema extends KafkaSettings {
  @IsIn(['development', 'test', 'production'])
  APP_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString() @MinLength(1) DB_HOST: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) DB_PORT: number;
  @IsString() @MinLength(1) DB_DATABASE: string;
  @IsString() @MinLength(1) DB_USERNAME: string;
  @IsString() DB_PASSWORD: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;

  @IsString() @MinLength(1) REDIS_HOST: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) REDIS_PORT: number;
  @Type(() => Number) @IsInt() @Min(0) @Max(15) REDIS_DB = 0;
  @IsOptional() @IsString() REDIS_PASSWORD?: string;
  /** Prefix for every key this process writes (ioredis keyPrefix); empty in production so keys match the documented names. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_.-]{0,64}$/, { message: 'REDIS_KEY_PREFIX may only contain letters, digits and : _ . -' })
  REDIS_KEY_PREFIX = '';

  @Type(() => Number) @IsInt() @Min(1) @Max(65535) GATEWAY_PORT = 3000;
  @IsString() GATEWAY_HOST = '0.0.0.0';

  /** Directory holding <kid>.private.pem / <kid>.public.pem; a key pair is generated there on first boot. */
  @IsOptional() @IsString() JWT_KEYS_DIR?: string;
  /** Alternatively a PEM private key (PKCS#8) from the environment, with its kid. */
  @IsOptional() @IsString() JWT_PRIVATE_KEY?: string;
  @IsOptional() @IsString() JWT_KID?: string;
  @IsString() @MinLength(1) JWT_ISSUER = 'commerce-gateway';
  @IsString() @MinLength(1) JWT_AUDIENCE = 'commerce';
  @Type(() => Number) @IsInt() @Min(30) @Max(86400) JWT_ACCESS_TTL_SECONDS = 900;
  @Type(() => Number) @IsInt() @Min(60) @Max(365 * 86400) JWT_REFRESH_TTL_SECONDS = 30 * 86400;

  @Type(() => Number) @IsInt() @Min(4) @Max(15) BCRYPT_COST = 12;

  /** Per client IP and route: login, register, refresh. */
  @Type(() => Number) @IsInt() @Min(1) AUTH_RATE_LIMIT = 10;
  @Type(() => Number) @IsInt() @Min(1) AUTH_RATE_TTL_SECONDS = 60;
  /** Per account, from any IP: failed logins (then 429 until the window ends) and register attempts per email. */
  @Type(() => Number) @IsInt() @Min(1) AUTH_ACCOUNT_RATE_LIMIT = 5;
  @Type(() => Number) @IsInt() @Min(1) AUTH_ACCOUNT_RATE_TTL_SECONDS = 900;

  /**
   * The platform's own browser origin(s), comma-separated (scheme://host[:port]): cookie-authenticated
   * state-changing requests and cookie Socket.IO handshakes must come from one of them (CSRF), and
   * Socket.IO CORS allows only them.
   */
  @IsString()
  @Matches(/^\s*https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\s*(,\s*https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\s*)*$/, {
    message: 'PUBLIC_ORIGIN must be a comma-separated list of origins like http://localhost:8080',
  })
  PUBLIC_ORIGIN = 'http://localhost:8080';

  /** Every live Socket.IO connection's token is re-checked this often (revocation by SQL, disabled users). */
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) SOCKET_REVALIDATE_SECONDS = 10;

  /** /graphql requests per window, per user (authenticated) or per client IP (anonymous). */
  @Type(() => Number) @IsInt() @Min(1) GRAPHQL_RATE_LIMIT = 60;
  @Type(() => Number) @IsInt() @Min(1) GRAPHQL_RATE_TTL_SECONDS = 60;

  @Type(() => Number) @IsInt() @Min(0) CACHE_PRODUCT_TTL_SECONDS = 300;
  @Type(() => Number) @IsInt() @Min(0) CACHE_LIST_TTL_SECONDS = 60;

  @IsString() BODY_LIMIT = '1mb';
  @IsString() MEDIA_BASE_URL = '/media/';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Service API keys (X-Api-Key on @ServiceRoute routes): requests per key per window. */
  @Type(() => Number) @IsInt() @Min(1) API_KEY_RATE_LIMIT = 600;
  @Type(() => Number) @IsInt() @Min(1) API_KEY_RATE_TTL_SECONDS = 60;

  /** Ops endpoint (GET /api/ops/pipeline): Kafka Connect REST, the Debezium connector and slot, the indexer's HTTP endpoint. */
  @IsString() @Matches(/^https?:\/\/[^\s]+$/, { message: 'CONNECT_URL must be an http(s) URL' }) CONNECT_URL = 'http://127.0.0.1:8083';
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) CDC_CONNECTOR_NAME = 'commerce-catalog-postgres';
  @IsString() @Matches(/^[a-z0-9_]+$/) CDC_SLOT_NAME = 'commerce_catalog';
  @IsString() @Matches(/^https?:\/\/[^\s]+$/, { message: 'INDEXER_URL must be an http(s) URL' }) INDEXER_URL = 'http://127.0.0.1:3001';
  /** Each ops source answers within this or is reported unavailable. */
  @Type(() => Number) @IsInt() @Min(100) @Max(30000) OPS_SOURCE_TIMEOUT_MS = 2000;

  /** Search analytics (search-events module): record each product search, flush period, days kept. */
  @IsIn(['true', 'false']) SEARCH_EVENTS_ENABLED = 'true';
  @IsString() @Matches(/^[a-z0-9][a-z0-9_-]{0,60}$/) SEARCH_EVENTS_INDEX_PREFIX = 'search-events';
  @Type(() => Number) @IsInt() @Min(100) @Max(60000) SEARCH_EVENTS_FLUSH_MS = 2000;
  @Type(() => Number) @IsInt() @Min(1) @Max(3650) SEARCH_EVENTS_RETENTION_DAYS = 30;

  /** Password reset (links point at the first PUBLIC_ORIGIN): token lifetime, mails per email per window. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1440) PASSWORD_RESET_TTL_MINUTES = 60;
  @Type(() => Number) @IsInt() @Min(1) PASSWORD_RESET_EMAIL_LIMIT = 3;
  @Type(() => Number) @IsInt() @Min(1) PASSWORD_RESET_EMAIL_TTL_SECONDS = 900;

  /** Express 'trust proxy': false | true | loopback | comma-separated subnets. Default trusts only a local reverse proxy (nginx). */
  @IsString()
  @Matches(/^(false|true|loopback|[0-9a-fA-F.:/,\s]+)$/, {
    message: 'TRUST_PROXY must be false, true, loopback or a list of addresses/subnets',
  })
  TRUST_PROXY = 'loopback';

  // --- search node and CDC indexer (typed view: search/search.settings.ts; docs/search.md) ---

  /**
   * Backend of GET /api/products: the index or PostgreSQL.
   * Unset: elasticsearch, except APP_ENV=test (the gateway's e2e DB is not captured by CDC).
   */
  @IsOptional() @IsIn(['elasticsearch', 'postgres']) SEARCH_BACKEND?: 'elasticsearch' | 'postgres';
  @IsString() @Matches(/^https?:\/\/[^\s]+$/, { message: 'ELASTICSEARCH_URL must be an http(s) URL' }) ELASTICSEARCH_URL =
    'http://127.0.0.1:9200';
  // KAFKA_BROKERS (the indexer; the order events read the same variable): declared in KafkaSettings
  /** Debezium topic.prefix (connectors/catalog-postgres.json). */
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) CDC_TOPIC_PREFIX = 'commerce';
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) INDEXER_GROUP_ID = 'search-indexer';
  @IsString() @Matches(/^[A-Za-z0-9_.-]+$/) INDEXER_DLQ_TOPIC = 'commerce.search-indexer.dlq';
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) INDEXER_HTTP_PORT = 3001;
  /** `refresh`: explicit refresh after each batch (lowest freshness); `wait_for`: bulk waits for the periodic refresh. */
  @IsIn(['refresh', 'wait_for']) INDEXER_REFRESH: 'refresh' | 'wait_for' = 'refresh';
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
  /** Degraded search: while the node is away, answer from PostgreSQL (`postgres`) or with 503 + Retry-After (`off`). */
  @IsIn(['postgres', 'off']) SEARCH_FALLBACK: 'postgres' | 'off' = 'postgres';
  /** Consecutive failed searches that open the circuit breaker (no request goes to the node then). */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) SEARCH_BREAKER_FAILURES = 3;
  /** How long the breaker stays open before one probe goes to the node again. */
  @Type(() => Number) @IsInt() @Min(100) @Max(600000) SEARCH_BREAKER_OPEN_MS = 5000;
  /** Per-request timeout of the API's searches (no retry): a hung node counts as failed after this. */
  @Type(() => Number) @IsInt() @Min(100) @Max(60000) SEARCH_QUERY_TIMEOUT_MS = 3000;
}
