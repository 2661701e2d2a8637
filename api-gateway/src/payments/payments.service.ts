import { Inject, Injectable } from '@nestjs/common';
import { ChargeRequest, ChargeResult, PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';

export const PAYMENT_TIMEOUT_MS = Symbol('PAYMENT_TIMEOUT_MS');

/** Calls the provider with a deadline; never throws: every outcome is a ChargeResult. */
@Injectable()
export class PaymentsService {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    @Inject(PAYMENT_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  get providerName(): string {
    return this.provider.name;
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ChargeResult>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve({ status: 'timeout', providerRef: null, error: `no answer from ${this.provider.name} within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
    });
    const attempt = this.provider.charge(request, abort.signal).catch((err: unknown): ChargeResult => ({
      status: 'error',
      providerRef: null,
      error: String((err as Error)?.message ?? err).slice(0, 500),
    }));
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
