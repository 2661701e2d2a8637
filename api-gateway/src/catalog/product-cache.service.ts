import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';

export const PRODUCT_GEN_KEY = 'products:gen';
export const productKey = (id: number | string) => `product:${id}`;
export const listKey = (normalized: string) => `products:list:${createHash('sha1').update(normalized).digest('hex')}`;

// SET detail only if no write happened since the read began (gen unchanged): a reader that loaded
// the row before a concurrent PUT committed must not put the stale row back after its invalidation.
const SET_IF_GEN = `
local gen = redis.call('GET', KEYS[1]) or '0'
if gen ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
`;

/**
 * Redis cache for product reads. Detail: product:<id>. Lists: products:list:<sha1(query)> holding
 * {gen, page}, where gen is products:gen when the page was read; any write INCRs gen, so every cached
 * list is bypassed at once (a page of an older gen is a miss, overwritten or expired; no KEYS/SCAN).
 * The key does not depend on gen, so one MGET reads gen and the page together. Cache failures never
 * fail a request.
 */
@Injectable()
export class ProductCacheService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** One round trip: the cached detail (if any) and the current generation (for setDetail). */
  async getDetail<T>(id: number): Promise<{ value?: T; gen: string }> {
    const res = await this.redis.mget(productKey(id), PRODUCT_GEN_KEY).catch(() => [null, null]);
    return { value: res[0] ? (JSON.parse(res[0]) as T) : undefined, gen: res[1] ?? '0' };
  }

  /** Caches the detail unless products:gen moved since `gen` was read (a write raced the read). */
  async setDetail(id: number, value: unknown, gen: string): Promise<boolean> {
    const ttl = this.config.env.CACHE_PRODUCT_TTL_SECONDS;
    if (ttl <= 0) return false;
    const stored = await this.redis.eval(SET_IF_GEN, 2, PRODUCT_GEN_KEY, productKey(id), gen, JSON.stringify(value), ttl).catch(() => 0);
    return stored === 1;
  }

  /**
   * One round trip: the current generation and this query's cached page, which counts only if it was
   * read at that generation. `gen` goes back to setList, so a page read before a write is stored as old.
   */
  async getList<T>(normalized: string): Promise<{ key: string; gen: string; value?: T }> {
    const key = listKey(normalized);
    const [gen, raw] = await this.redis.mget(PRODUCT_GEN_KEY, key).catch(() => [null, null]);
    const current = gen ?? '0';
    const cached = raw ? (JSON.parse(raw) as { gen?: string; page?: T }) : undefined;
    return { key, gen: current, value: cached?.gen === current ? cached.page : undefined };
  }

  async setList(key: string, gen: string, page: unknown): Promise<void> {
    const ttl = this.config.env.CACHE_LIST_TTL_SECONDS;
    if (ttl > 0) await this.redis.set(key, JSON.stringify({ gen, page }), 'EX', ttl).catch(() => undefined);
  }
}

/** Reusable invalidation (API writes today, the CDC indexer later). */
@Injectable()
export class ProductCacheInvalidator {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Deletes exactly the affected detail keys and bumps the list generation, atomically. */
  async invalidateProducts(ids: Array<number | string>): Promise<void> {
    const tx = this.redis.multi();
    if (ids.length) tx.del(...ids.map(productKey));
    tx.incr(PRODUCT_GEN_KEY);
    await tx.exec();
  }

  invalidateProduct(id: number | string): Promise<void> {
    return this.invalidateProducts([id]);
  }
}
