import { Module } from '@nestjs/common';
import { loadEnvSection } from '../config/env-section';
import { MockPaymentProvider } from './mock-payment.provider';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentsConfig } from './payments.config';
import { PAYMENT_TIMEOUT_MS, PaymentsService } from './payments.service';

/** Payment boundary. Swap PAYMENT_PROVIDER for a real PSP adapter without touching the order flow. */
@Module({
  providers: [
    { provide: PaymentsConfig, useFactory: () => loadEnvSection(PaymentsConfig) },
    {
      provide: PAYMENT_PROVIDER,
      inject: [PaymentsConfig],
      useFactory: (cfg: PaymentsConfig) => new MockPaymentProvider(cfg.MOCK_PAYMENT_SLOW_MS),
    },
    { provide: PAYMENT_TIMEOUT_MS, inject: [PaymentsConfig], useFactory: (cfg: PaymentsConfig) => cfg.PAYMENT_TIMEOUT_MS },
    PaymentsService,
  ],
  exports: [PaymentsService],
})
export class PaymentsModule {}
