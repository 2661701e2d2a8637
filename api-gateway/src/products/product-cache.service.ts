import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';

export const PRODUCT_GEN_KEY = 'products:gen';
export const productKey = (id: number | string) => `product:${id}`;
export const listKey = (gen: string, normalized: string) => `products:list:${gen}:${createHash('sha1').update(normalized).digest('hex')}`;

/**
 * Redis cache for product reads. Detail: product:<id>. Lists: products:list:<gen>:<sha1(query)>,
 * where gen = products:gen; any write INCRs gen so every cached list is bypassed at once (old keys
 * simply expire; no KEYS/SCAN). Cache failures never fail a request.
 */
@Injectable()
export class ProductCacheService {
  constructor(@Inject(REDIS) private readonly redis: Redis, private readonly config: AppConfig) {}

  async getDetail<T>(id: number): Promise<T | undefined> {
    return this.safeGet<T>(productKey(id));
  }

  async setDetail(id: number, value: unknown): Promise<void> {
    const ttl = this.config.env.CACHE_PRODUCT_TTL_SECONDS;
    if (ttl > 0) await this.redis.set(productKey(id), JSON.stringify(value), 'EX', ttl).catch(() => undefined);
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
