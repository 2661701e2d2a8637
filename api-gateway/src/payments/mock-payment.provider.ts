import { randomUUID } from 'crypto';
import { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider';

/**
 * Deterministic provider for development and tests:
 * tok_success -> succeeded, tok_decline -> declined, tok_error -> provider error,
 * tok_timeout -> stalls for `slowMs` (longer than the caller's timeout). Any other token is declined.
 */
export class MockPaymentProvider implements PaymentProvider {
  readonly name = 'mock';

  constructor(private readonly slowMs: number) {}

  async charge(request: ChargeRequest, signal: AbortSignal): Promise<ChargeResult> {
    switch (request.token) {
      case 'tok_success':
        return { status: 'succeeded', providerRef: `mock_ch_${randomUUID()}`, error: null };
      case 'tok_decline':
        return { status: 'declined', providerRef: `mock_ch_${randomUUID()}`, error: 'card declined' };
      case 'tok_error':
        return { status: 'error', providerRef: null, error: 'payment provider unavailable' };
      case 'tok_timeout':
        await sleep(this.slowMs, signal);
        return { status: 'succeeded', providerRef: `mock_ch_${randomUUID()}`, error: null };
      default:
        return { status: 'declined', providerRef: null, error: 'unknown card token' };
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
