import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'redis') {
    const session = this.health.check(key);
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<string>((_r, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
      ]);
      return pong === 'PONG' ? session.up() : session.down({ message: `unexpected reply ${pong}` });
    } catch (e) {
      return session.down({ message: (e as Error).message });
    }
  }
}
