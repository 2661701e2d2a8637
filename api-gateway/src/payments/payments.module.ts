import { Module } from '@nestjs/common';
import { loadEnvSection } from '../orders/config/env-section';
import { OrdersConfig } from '../orders/config/orders.config';
import { MockPaymentProvider } from './mock-payment.provider';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PAYMENT_TIMEOUT_MS, PaymentsService } from './payments.service';

/** Payment boundary. Swap PAYMENT_PROVIDER for a real PSP adapter without touching the order flow. */
@Module({
  providers: [
    { provide: OrdersConfig, useFactory: () => loadEnvSection(OrdersConfig) },
    { provide: PAYMENT_PROVIDER, inject: [OrdersConfig], useFactory: (cfg: OrdersConfig) => new MockPaymentProvider(cfg.MOCK_PAYMENT_SLOW_MS) },
    { provide: PAYMENT_TIMEOUT_MS, inject: [OrdersConfig], useFactory: (cfg: OrdersConfig) => cfg.PAYMENT_TIMEOUT_MS },
    PaymentsService,
  ],
  exports: [PaymentsService],
})
export class PaymentsModule {}
