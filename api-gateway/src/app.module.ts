import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { flattenValidationErrors, ValidationFailedException } from './common/errors/validation.exception';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { LoggingModule } from './common/logging/logging.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { RedisModule } from './common/redis/redis.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import type { EnvironmentSchema } from './config/env.schema';
import { GraphqlApiModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpsModule } from './ops/ops.module';
import { OrdersModule } from './orders/orders.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { ProductsModule } from './products/products.module';
import { SearchEventsModule } from './search-events/search-events.module';
import { RefreshTokenEntity } from './users/refresh-token.entity';
import { UserEntity } from './users/user.entity';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  env?: EnvironmentSchema;
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.env),
        LoggingModule.forRoot(options.logDestination),
        RedisModule,
        RateLimitModule,
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (cfg: AppConfig) => ({
            type: 'postgres' as const,
            host: cfg.env.DB_HOST,
            port: cfg.env.DB_PORT,
            database: cfg.env.DB_DATABASE,
            username: cfg.env.DB_USERNAME,
            password: cfg.env.DB_PASSWORD,
            entities: [UserEntity, RefreshTokenEntity], // the catalog is read and written with SQL
            synchronize: false,
            migrationsRun: false,
            extra: { max: cfg.env.DB_POOL_SIZE, application_name: 'api-gateway' },
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
        MetricsModule,
        UsersModule,
        AuthModule,
        ProductsModule,
        HealthModule,
        OrdersModule,
        NotificationsModule,
        GraphqlApiModule,
        ApiKeysModule,
        OpsModule,
        PasswordResetModule,
        SearchEventsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
          }),
        },
      ],
    };
  }
}
