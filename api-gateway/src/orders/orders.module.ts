import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { OrderCoreModule } from './order-core.module';
import { OrderPlacementService } from './order-placement.service';
import { OrderReservationService } from './order-reservation.service';
import { OrderSettledSignal } from './order-settled.signal';
import { OrderSettlementService } from './order-settlement.service';
import { OrderStatusService } from './order-status.service';
import { OrdersController } from './orders.controller';

/** REST API of orders (placement, history, admin status changes). */
@Module({
  imports: [OrderCoreModule, PaymentsModule],
  controllers: [OrdersController],
  providers: [OrderPlacementService, OrderReservationService, OrderSettlementService, OrderStatusService, OrderSettledSignal],
  exports: [OrderPlacementService, OrderCoreModule],
})
export class OrdersModule {}
