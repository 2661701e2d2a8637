import { MockPaymentProvider } from './mock-payment.provider';
import { ChargeRequest, PaymentProvider } from './payment-provider';
import { PaymentsService } from './payments.service';

const request = (token: string): ChargeRequest => ({ orderId: '1', orderNumber: 'ORD-1', amount: '10.00', currency: 'USD', token });

describe('PaymentsService with the mock provider', () => {
  const service = new PaymentsService(new MockPaymentProvider(5_000), 50);

  it.each([
    ['tok_success', 'succeeded'],
    ['tok_decline', 'declined'],
    ['tok_error', 'error'],
    ['tok_whatever', 'declined'],
  ])('%s -> %s', async (token, status) => {
    expect((await service.charge(request(token))).status).toBe(status);
  });

  it('gives a provider reference only to charges the provider saw', async () => {
    expect((await service.charge(request('tok_success'))).providerRef).toMatch(/^mock_ch_/);
    expect((await service.charge(request('tok_error'))).providerRef).toBeNull();
  });

  it('times out a slow charge at its deadline and aborts the provider call', async () => {
    const started = Date.now();
    const result = await service.charge(request('tok_timeout'));
    expect(result.status).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('turns a provider exception into an error result', async () => {
    const throwing: PaymentProvider = { name: 'x', charge: () => Promise.reject(new Error('socket hang up')) };
    const result = await new PaymentsService(throwing, 1_000).charge(request('tok_success'));
    expect(result).toEqual({ status: 'error', providerRef: null, error: 'socket hang up' });
  });
});
