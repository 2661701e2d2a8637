import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { AuthModule } from '../auth/auth.module';
import { RedisThrottlerStorage } from '../auth/redis-throttler.storage';
import { REDIS } from '../common/redis/redis.module';
import { MailTransportModule } from '../mail/mail-transport.module';
import { UsersModule } from '../users/users.module';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService, RESET_THROTTLE_STORAGE } from './password-reset.service';

/** POST /api/auth/password/forgot|reset|verify (used by the storefront and the admin's Breeze-style pages). */
@Module({
  imports: [UsersModule, AuthModule, MailTransportModule],
  controllers: [PasswordResetController],
  providers: [
    PasswordResetService,
    PasswordResetRepository,
    { provide: RESET_THROTTLE_STORAGE, inject: [REDIS], useFactory: (redis: Redis) => new RedisThrottlerStorage(redis) },
  ],
})
export class PasswordResetModule {}
