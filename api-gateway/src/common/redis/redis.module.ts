import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config';
import { LOGGER } from '../logging/logger';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig, LOGGER],
      useFactory: (cfg: AppConfig, logger: Logger) => {
        const redis = new Redis({
          host: cfg.env.REDIS_HOST,
          port: cfg.env.REDIS_PORT,
          db: cfg.env.REDIS_DB,
          password: cfg.env.REDIS_PASSWORD || undefined,
          keyPrefix: cfg.env.REDIS_KEY_PREFIX || undefined,
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
          lazyConnect: false,
        });
        // without a listener ioredis prints every reconnect failure; log at most one line per 10 s
        let last = 0;
        redis.on('error', (err: Error) => {
          if (Date.now() - last < 10_000) return;
          last = Date.now();
          logger.error({ err: { message: err.message } }, 'redis connection error');
        });
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
