import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggingModule } from '../common/logging/logging.module';
import { RedisModule } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import type { EnvironmentSchema } from '../config/env.schema';
import { OutboxPrunerModule } from '../events/outbox-pruner.module';
import { OutboxPrunerScheduler } from '../events/outbox-pruner.scheduler';
import { MailModule } from '../mail/mail.module';
import { OrderCoreModule } from '../orders/order-core.module';
import { ReservationReaperScheduler } from '../orders/reservation-reaper.scheduler';
import { searchDatabaseOptions } from '../config/database.options';
import { AdminOrderEventsNotifier } from './admin-order-events.notifier';

/**
 * The order worker: confirmation-email consumer, reservation reaper, outbox pruner, and the admin
 * broadcaster's wake-up (AdminOrderEventsNotifier). Order events reach Kafka
 * through Debezium's outbox event router (connectors/outbox-postgres.json), not through this process.
 * Composition root of orders + mail (neither imports the other).
 */
@Module({})
export class OrderWorkerModule {
  static forRoot(env?: EnvironmentSchema): DynamicModule {
    return {
      module: OrderWorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggingModule.forRoot(),
        RedisModule,
        TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: (cfg: AppConfig) => searchDatabaseOptions(cfg, 'order-worker') }),
        OrderCoreModule,
        OutboxPrunerModule,
        MailModule,
      ],
      providers: [ReservationReaperScheduler, OutboxPrunerScheduler, AdminOrderEventsNotifier],
    };
  }
}
