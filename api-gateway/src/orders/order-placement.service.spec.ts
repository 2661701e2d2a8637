import 'reflect-metadata';
import { ConflictException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { UnprocessableFieldException } from '../common/errors/domain.exceptions';
import type { ChargeResult } from '../payments/payment-provider';
import type { PaymentsService } from '../payments/payments.service';
import { OrdersConfig } from './config/orders.config';
import type { CreateOrderDto } from './dto/create-order.dto';
import type { OrderHead, OrderRepository } from './order.repository';
import { OrderPlacementService } from './order-placement.service';
import type { OrderQueriesService, OrderView } from './order-queries.service';
import type { OrderReservationService, ReservationResult } from './order-reservation.service';
import type { OrderSettledSignal } from './order-settled.signal';
import type { OrderSettlementService } from './order-settlement.service';
import { PaymentFailedException } from './payment-failure.exception';
import { orderRequestHash } from './request-hash';

const user = { id: 1, role: 'customer' as const, jti: 'j', exp: 0 };
const dto: CreateOrderDto = {
  items: [{ productId: 5, quantity: 2 }],
  shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
  payment: { method: 'card', token: 'tok_success' },
};
const head = (over: Partial<OrderHead> = {}): OrderHead => ({
  id: '9',
  number: 'ORD-9',
  userId: '1',
  status: 'paid',
  currency: 'USD',
  total: '10.00',
  requestHash: orderRequestHash(dto),
  reservedUntil: null,
  ...over,
});

/** Fakes for everything around the placement logic (no database). */
function setup(
  o: {
    existing?: OrderHead[];
    reserve?: ReservationResult;
    charge?: ChargeResult['status'];
    lastPayment?: ChargeResult['status'];
    heads?: OrderHead[];
    settleOutages?: number;
  } = {},
) {
  const existing = [...(o.existing ?? [])];
  const calls = { reserve: 0, charge: 0, settle: 0, attempts: [] as number[] };
  const orders = {
    findByKeyWithCatalog: async () => ({ existing: existing.shift(), catalog: new Map() }),
    findByIdempotencyKey: async () => existing.shift(),
    findHead: async () => (o.heads?.length ? o.heads.shift() : head()),
    lastPaymentStatus: async () => o.lastPayment,
  } as unknown as OrderRepository;
  const reservations = {
    reserve: async () => {
      calls.reserve++;
      return o.reserve ?? { kind: 'created', orderId: '9', number: 'ORD-9', userId: '1', total: '10.00', currency: 'USD', lines: [] };
    },
  } as unknown as OrderReservationService;
  const payments = {
    providerName: 'mock',
    charge: async () => {
      calls.charge++;
      return { status: o.charge ?? 'succeeded', providerRef: null, error: null };
    },
  } as unknown as PaymentsService;
  const settlement = {
    settle: async (r: { orderId: string }, _p: string, c: ChargeResult, attempt: number) => {
      calls.settle++;
      calls.attempts.push(attempt);
      if (o.settleOutages && calls.settle <= o.settleOutages)
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
      return c.status === 'succeeded' ? { outcome: 'paid', view: { id: Number(r.orderId) } } : { outcome: 'payment_failed' };
    },
  } as unknown as OrderSettlementService;
  const queries = { view: async (id: string) => ({ id: Number(id) }) as OrderView } as unknown as OrderQueriesService;
  const config = Object.assign(new OrdersConfig(), { ORDER_IDEMPOTENCY_WAIT_MS: 200 });
  const wakers = new Set<() => void>();
  const published: string[] = [];
  const signal = {
    publish: (id: string) => {
      published.push(id);
      for (const w of [...wakers]) w();
    },
    waiter: async () => {
      let wake!: () => void;
      const signalled = new Promise<void>((r) => {
        wake = r;
      });
      wakers.add(wake);
      return { signalled, cancel: () => wakers.delete(wake) };
    },
  } as unknown as OrderSettledSignal;
  const service = new OrderPlacementService(
    { manager: {} } as DataSource,
    config,
    orders,
    reservations,
    settlement,
    payments,
    queries,
    signal,
  );
  return { service, calls, signal, published, config };
}

describe('OrderPlacementService', () => {
  it('reserves, charges and settles a new order', async () => {
    const { service, calls } = setup();
    expect(await service.place(user, dto, 'key-12345')).toEqual({ order: { id: 9 }, replayed: false });
    expect(calls).toEqual({ reserve: 1, charge: 1, settle: 1, attempts: [1] });
  });

  it.each([
    ['declined', 402],
    ['error', 502],
    ['timeout', 504],
  ] as const)('a %s charge is a %d after settling', async (status, http) => {
    const { service, calls } = setup({ charge: status });
    const err = await service.place(user, dto, 'key-12345').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaymentFailedException);
    expect((err as PaymentFailedException).getStatus()).toBe(http);
    expect(calls.settle).toBe(1);
  });

  it('replays a known key with the same body without charging again', async () => {
    const { service, calls } = setup({ existing: [head()] });
    expect(await service.place(user, dto, 'key-12345')).toEqual({ order: { id: 9 }, replayed: true });
    expect(calls).toEqual({ reserve: 0, charge: 0, settle: 0, attempts: [] });
  });

  it('rejects a known key with another body (422 naming Idempotency-Key)', async () => {
    const { service } = setup({ existing: [head({ requestHash: 'f'.repeat(64) })] });
    const err = await service.place(user, dto, 'key-12345').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableFieldException);
    expect((err as UnprocessableFieldException).field).toBe('Idempotency-Key');
  });

  it('replays a failed payment with the original status code', async () => {
    const { service, calls } = setup({ existing: [head({ status: 'payment_failed' })], lastPayment: 'timeout' });
    const err = await service.place(user, dto, 'key-12345').catch((e: unknown) => e);
    expect((err as PaymentFailedException).getStatus()).toBe(504);
    expect(calls.charge).toBe(0);
  });

  it('waits for an in-flight original, then returns it', async () => {
    const { service } = setup({ existing: [head({ status: 'pending' })] });
    expect(await service.place(user, dto, 'key-12345')).toEqual({ order: { id: 9 }, replayed: true });
  });

  it('a waiting twin is woken by the settlement signal, not by polling', async () => {
    const { service, signal, config } = setup({ existing: [head({ status: 'pending' })], heads: [head({ status: 'pending' })] });
    config.ORDER_IDEMPOTENCY_WAIT_MS = 5000;
    const started = Date.now();
    setTimeout(() => signal.publish('9'), 50);
    expect(await service.place(user, dto, 'key-12345')).toEqual({ order: { id: 9 }, replayed: true });
    expect(Date.now() - started).toBeLessThan(800); // the fallback re-read would come after 1 s
  });

  it('a new order signals its settlement (for twins in any gateway)', async () => {
    const { service, published } = setup();
    await service.place(user, dto, 'key-12345');
    expect(published).toEqual(['9']);
  });

  it('a concurrent insert of the same key becomes a replay of the winner', async () => {
    const { service, calls } = setup({ existing: [undefined as never, head()], reserve: { kind: 'duplicate-key' } });
    expect(await service.place(user, dto, 'key-12345')).toEqual({ order: { id: 9 }, replayed: true });
    expect(calls.charge).toBe(0);
  });

  it('a database restart after the charge: the settlement is retried (charged once), then signalled', async () => {
    const { service, calls, published } = setup({ settleOutages: 2 });
    expect(await service.place(user, dto, 'key-12345')).toEqual({ order: { id: 9 }, replayed: false });
    expect(calls).toMatchObject({ charge: 1, settle: 3, attempts: [1, 2, 3] });
    expect(published).toEqual(['9']);
  });

  it('a database that stays away past ORDER_SETTLE_RETRY_MS fails the request (503 upstream), still signalled', async () => {
    const { service, calls, published, config } = setup({ settleOutages: 99 });
    config.ORDER_SETTLE_RETRY_MS = 500;
    await expect(service.place(user, dto, 'key-12345')).rejects.toMatchObject({ code: '57P01' });
    expect(calls.charge).toBe(1);
    expect(calls.settle).toBeGreaterThan(1);
    expect(published).toEqual(['9']);
  });

  it('a cancelled original is a 409', async () => {
    const { service } = setup({ existing: [head({ status: 'cancelled' })] });
    await expect(service.place(user, dto, 'key-12345')).rejects.toBeInstanceOf(ConflictException);
  });
});
