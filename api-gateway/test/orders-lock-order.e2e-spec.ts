import { randomUUID } from 'crypto';
import { Client } from 'pg';
import type { CreateOrderDto } from '../src/orders/dto/create-order.dto';
import { mergeLines } from '../src/orders/order-lines';
import { OrderReservationService, ReservationRequest } from '../src/orders/order-reservation.service';
import { OrderSettlementService } from '../src/orders/order-settlement.service';
import { orderRequestHash } from '../src/orders/request-hash';
import type { ChargeResult } from '../src/payments/payment-provider';
import { createProducts, customers, orderBody, stock } from './orders-fixtures';
import { startApp, TestContext } from './support/test-app';

/**
 * The interleaving behind a same-key race (20 parallel requests, one Idempotency-Key), forced step by
 * step on real PostgreSQL: a same-key twin holds the inventory row lock and then checks the order's
 * unique key while the original settles. A settlement that updated the order row before it locked the
 * inventory made the twin wait for it while it waited for the twin: a deadlock (40P01), one side
 * answered 409 and, when it was the settlement, the order stayed pending.
 */
describe('order settlement vs a same-key reservation: lock order', () => {
  let ctx: TestContext;
  let blocker: Client;
  let buyer: { id: number; token: string };

  beforeAll(async () => {
    ctx = await startApp();
    [buyer] = await customers(ctx, 1);
    blocker = new Client({ host: ctx.db.host, port: ctx.db.port, user: ctx.db.user, password: ctx.db.password, database: ctx.db.database });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker.end();
    await ctx.close();
  });

  /** Backends of this database waiting for a lock (the test's statements; nothing else runs here). */
  async function waitForLockWaiters(n: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await ctx.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n >= n) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`fewer than ${n} statements ever waited for a lock`);
  }

  it.each([
    ['succeeded', 'paid', { onHand: 8, reserved: 0 }],
    ['declined', 'payment_failed', { onHand: 10, reserved: 0 }],
  ] as const)('charge %s: the twin replays, the order ends %s, no deadlock', async (chargeStatus, outcome, finalStock) => {
    const [p] = await createProducts(ctx.db, 1, { stock: 10 });
    const dto = orderBody([{ productId: p.id, quantity: 2 }]) as unknown as CreateOrderDto;
    const request: ReservationRequest = {
      user: { id: buyer.id, role: 'customer', jti: 'x', exp: 0 },
      dto,
      lines: mergeLines(dto.items),
      idempotencyKey: randomUUID(),
      requestHash: orderRequestHash(dto),
      reservationSeconds: 600,
    };
    const reservations = ctx.app.get(OrderReservationService);
    const original = await reservations.reserve(request);
    if (original.kind !== 'created') throw new Error('the original reservation was not created');

    const charge: ChargeResult = {
      status: chargeStatus,
      providerRef: 'ch_lock_order',
      error: chargeStatus === 'succeeded' ? null : 'card declined',
    };
    const pending: Promise<unknown>[] = [];
    await blocker.query('BEGIN');
    try {
      await blocker.query('SELECT 1 FROM inventory WHERE product_id = $1 FOR UPDATE', [p.id]);
      pending.push(reservations.reserve(request)); // the twin queues first on the inventory row
      await waitForLockWaiters(1);
      pending.push(ctx.app.get(OrderSettlementService).settle(original, 'mock', charge));
      await waitForLockWaiters(2);
    } finally {
      await blocker.query('COMMIT'); // the twin gets the row first, then the settlement
    }

    const [twinResult, settled] = await Promise.allSettled(pending);
    expect(twinResult).toEqual({ status: 'fulfilled', value: { kind: 'duplicate-key' } });
    expect(settled).toEqual({ status: 'fulfilled', value: expect.objectContaining({ outcome }) });
    const { rows } = await ctx.db.query(`SELECT status FROM orders WHERE id = $1`, [original.orderId]);
    expect(rows).toEqual([{ status: outcome }]);
    expect(await stock(ctx.db, p.id)).toEqual(finalStock);
  });
});
