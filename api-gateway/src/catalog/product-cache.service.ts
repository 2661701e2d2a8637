import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';

export const PRODUCT_GEN_KEY = 'products:gen';
export const productKey = (id: number | string) => `product:${id}`;
export const listKey = (gen: string, normalized: string) => `products:list:${gen}:${createHash('sha1').update(normalized).digest('hex')}`;

// SET detail only if no write happened since the read began (gen unchanged): a reader that loaded
// the row before a concurrent PUT committed must not put the stale row back after its invalidation.
const SET_IF_GEN = `
local gen = redis.call('GET', KEYS[1]) or '0'
if gen ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
`;

/**
 * Redis cache for product reads. Detail: product:<id>. Lists: products:list:<gen>:<sha1(query)>,
 * where gen = products:gen; any write INCRs gen so every cached list is bypassed at once (old keys
 * simply expire; no KEYS/SCAN). Cache failures never fail a request.
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

  /** Returns the key for this query at the current generation and the cached value if present. */
  async getList<T>(normalized: string): Promise<{ key: string; value?: T }> {
    const gen = (await this.redis.get(PRODUCT_GEN_KEY).catch(() => null)) ?? '0';
    const key = listKey(gen, normalized);
    return { key, value: await this.safeGet<T>(key) };
  }

  async setList(key: string, value: unknown): Promise<void> {
    const ttl = this.config.env.CACHE_LIST_TTL_SECONDS;
    if (ttl > 0) await this.redis.set(key, JSON.stringify(value), 'EX', ttl).catch(() => undefined);
  }

  private async safeGet<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(key).catch(() => null);
    return raw ? (JSON.parse(raw) as T) : undefined;
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
