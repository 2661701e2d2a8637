import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisThrottlerStorage } from '../auth/redis-throttler.storage';
import { REDIS } from '../common/redis/redis.module';
import { API_KEY_THROTTLE_STORAGE, ApiKeyGuard } from './api-key.guard';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyService } from './api-key.service';

/** Verification of service API keys; modules with @ServiceRoute routes import this. */
@Module({
  providers: [
    ApiKeyRepository,
    ApiKeyService,
    ApiKeyGuard,
    { provide: API_KEY_THROTTLE_STORAGE, inject: [REDIS], useFactory: (redis: Redis) => new RedisThrottlerStorage(redis) },
  ],
  exports: [ApiKeyService, ApiKeyGuard, API_KEY_THROTTLE_STORAGE],
})
export class ApiKeysModule {}
