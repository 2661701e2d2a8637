import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { JwksController } from './jwks.controller';
import { KeyStoreService } from './key-store.service';
import { PasswordService } from './password.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RefreshTokenService } from './refresh-token.service';
import { RevocationService } from './revocation.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    UsersModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (cfg: AppConfig, redis: Redis) => ({
        throttlers: [{ name: 'default', ttl: cfg.env.AUTH_RATE_TTL_SECONDS * 1000, limit: cfg.env.AUTH_RATE_LIMIT }],
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
  ],
  controllers: [AuthController, JwksController],
  providers: [
    AuthService,
    PasswordService,
    TokenService,
    KeyStoreService,
    RefreshTokenService,
    RevocationService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, KeyStoreService, TokenService, PasswordService, RevocationService],
})
export class AuthModule {}
