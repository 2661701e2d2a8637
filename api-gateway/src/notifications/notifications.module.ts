import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsConfig } from '../events/events.config';
import { loadEnvSection } from '../config/env-section';
import { OrderEventsListener } from './order-events.listener';
import { OrderNotificationsGateway } from './order-notifications.gateway';

/** Socket.IO live order updates fed by the order events on Kafka. */
@Module({
  imports: [AuthModule],
  providers: [{ provide: EventsConfig, useFactory: () => loadEnvSection(EventsConfig) }, OrderNotificationsGateway, OrderEventsListener],
  exports: [OrderEventsListener],
})
export class NotificationsModule {}
