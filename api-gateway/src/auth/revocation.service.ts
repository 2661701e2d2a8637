import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';

/** Redis denylist of access-token ids: auth:revoked:<jti> with TTL = remaining lifetime. */
@Injectable()
export class RevocationService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static key(jti: string): string {
    return `auth:revoked:${jti}`;
  }

  async revoke(jti: string, exp: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(exp - Date.now() / 1000) + 5);
    await this.redis.set(RevocationService.key(jti), '1', 'EX', ttl);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.redis.exists(RevocationService.key(jti))) === 1;
  }
}
