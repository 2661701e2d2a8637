import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { FIXED_WINDOW_SCRIPT } from './fixed-window';
import { TooManyRequestsException } from './too-many-requests.exception';

/** A named limit: `limit` hits per `windowSeconds`; beyond it the key is refused for the rest of the window. */
export interface Bucket {
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Redis rate limits shared by all gateway processes (keys `ratelimit:<bucket>:<key>:hits|block`).
 * `consume` counts every call; `check` + `fail` count only failures (the per-account login bucket,
 * so a correct password is never what locks an account), and `reset` clears them on success.
 */
@Injectable()
export class RateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private base(bucket: Bucket, key: string): string {
    return `ratelimit:${bucket.name}:${key}`;
  }

  /** Counts one hit; throws 429 (with Retry-After) once the bucket is spent. */
  async consume(bucket: Bucket, key: string): Promise<void> {
    const base = this.base(bucket, key);
    const ms = bucket.windowSeconds * 1000;
    const [, , blockMs] = (await this.redis.eval(FIXED_WINDOW_SCRIPT, 2, `${base}:hits`, `${base}:block`, ms, bucket.limit, ms)) as [
      number,
      number,
      number,
    ];
    if (blockMs > 0) throw new TooManyRequestsException(Math.max(1, Math.ceil(blockMs / 1000)));
  }

  /** Throws 429 if `limit` failures were already recorded in the window; counts nothing. */
  async check(bucket: Bucket, key: string): Promise<void> {
    const hitsKey = `${this.base(bucket, key)}:hits`;
    const [hits, ttl] = await this.redis
      .multi()
      .get(hitsKey)
      .pttl(hitsKey)
      .exec()
      .then((r) => (r ?? []).map(([, v]) => v) as [string | null, number]);
    if (Number(hits ?? 0) >= bucket.limit) throw new TooManyRequestsException(Math.max(1, Math.ceil(Number(ttl) / 1000)));
  }

  /** Records one failure in the window. */
  async fail(bucket: Bucket, key: string): Promise<void> {
    const hitsKey = `${this.base(bucket, key)}:hits`;
    const hits = await this.redis.incr(hitsKey);
    if (hits === 1 || (await this.redis.pttl(hitsKey)) < 0) await this.redis.pexpire(hitsKey, bucket.windowSeconds * 1000);
  }

  async reset(bucket: Bucket, key: string): Promise<void> {
    await this.redis.del(`${this.base(bucket, key)}:hits`);
  }
}
