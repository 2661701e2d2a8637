import { Module } from '@nestjs/common';
import { OutboxModule } from '../events/outbox.module';
import { loadEnvSection } from '../config/env-section';
import { OrdersConfig } from './config/orders.config';
import { InventoryRepository } from './inventory.repository';
import { OrderQueriesService } from './order-queries.service';
import { OrderRepository } from './order.repository';
import { OrderTransitions } from './order-transitions.service';
import { ReservationReaper } from './reservation-reaper.service';

/** Order persistence and state changes without HTTP: shared by the API and the worker (reaper). */
@Module({
  imports: [OutboxModule],
  providers: [
    { provide: OrdersConfig, useFactory: () => loadEnvSection(OrdersConfig) },
    OrderRepository,
    InventoryRepository,
    OrderTransitions,
    OrderQueriesService,
    ReservationReaper,
  ],
  exports: [OrdersConfig, OrderRepository, InventoryRepository, OrderTransitions, OrderQueriesService, ReservationReaper, OutboxModule],
})
export class OrderCoreModule {}
