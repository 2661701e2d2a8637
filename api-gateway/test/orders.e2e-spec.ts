import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import * as path from 'path';
import { readEnvFiles } from '../src/config/load-config';
import { OrderReservationService } from '../src/orders/order-reservation.service';
import { mergeLines } from '../src/orders/order-lines';
import { ReservationReaper } from '../src/orders/reservation-reaper.service';
import { orderRequestHash } from '../src/orders/request-hash';
import { customers, createProducts, orderBody, orderTableCounts, postOrder, stock } from './orders-fixtures';
import { freePort } from './support/free-port';
import { startApp, TestContext } from './support/test-app';
import { TEST_DB, TEST_KEYS_DIR, TEST_REDIS_DB } from './support/test-env';

// short provider deadline so tok_timeout is quick; the mock stalls far longer than that
process.env.PAYMENT_TIMEOUT_MS = '600';
process.env.MOCK_PAYMENT_SLOW_MS = '20000';

describe('POST /api/orders: stock, concurrency, idempotency, payment failures, reaper', () => {
  let ctx: TestContext;
  let buyers: { id: number; token: string }[];

  beforeAll(async () => {
    ctx = await startApp();
    buyers = await customers(ctx, 20);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('200 concurrent orders for one SKU with stock 50 -> exactly 50 paid, 150 x 409 naming the product', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 50, price: '7.50' });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => postOrder(ctx, buyers[i % buyers.length].token, orderBody([{ productId: p.id, quantity: 1 }]))),
    );
    const byStatus = new Map<number, number>();
    for (const r of responses) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 201: 50, 409: 150 });
    for (const r of responses.filter((x) => x.status === 201)) {
      expect(r.body).toEqual(expect.objectContaining({ status: 'paid', total: 7.5, currency: 'USD' }));
    }
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.message).toContain(`product ${p.id} (${p.sku})`);
      expect(r.body.details).toEqual([expect.objectContaining({ field: 'items[0].productId' })]);
    }
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 0, reserved: 0 });
    const { rows } = await ctx.db.query(
      `SELECT o.status, count(*)::int AS n FROM orders o JOIN order_items i ON i.order_id = o.id WHERE i.product_id = $1 GROUP BY o.status`,
      [p.id],
    );
    expect(rows).toEqual([{ status: 'paid', n: 50 }]);
    const payments = await ctx.db.query(
      `SELECT count(*)::int AS n FROM payments WHERE status = 'succeeded' AND order_id IN (SELECT order_id FROM order_items WHERE product_id = $1)`,
      [p.id],
    );
    expect(payments.rows[0].n).toBe(50);
  });

  it('10-SKU mix with several lines per order never oversells and leaves nothing reserved', async () => {
    const products = await createProducts(ctx.db, 10, { stock: 15 });
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const bodies = Array.from({ length: 160 }, () => {
      const lines = new Map<number, number>();
      const count = 2 + rand(3);
      while (lines.size < count) lines.set(products[rand(10)].id, 1 + rand(3));
      return orderBody([...lines].map(([productId, quantity]) => ({ productId, quantity })));
    });
    const responses = await Promise.all(bodies.map((b, i) => postOrder(ctx, buyers[i % buyers.length].token, b)));
    const statuses = new Set(responses.map((r) => r.status));
    expect([...statuses].sort()).toEqual([201, 409]);

    const ids = products.map((p) => p.id);
    const sold = await ctx.db.query(
      `SELECT i.product_id::int AS id, coalesce(sum(i.quantity) FILTER (WHERE o.status = 'paid'), 0)::int AS sold,
              count(*) FILTER (WHERE o.status <> 'paid')::int AS other
       FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.product_id = ANY($1) GROUP BY i.product_id`,
      [ids],
    );
    const paidOrders = responses.filter((r) => r.status === 201).length;
    expect(paidOrders).toBeGreaterThan(0);
    for (const p of products) {
      const s = await stock(ctx.db, p.id);
      const row = sold.rows.find((r) => r.id === p.id) ?? { sold: 0, other: 0 };
      expect(s.reserved).toBe(0);
      expect(s.onHand).toBeGreaterThanOrEqual(0);
      expect(s.onHand).toBe(15 - row.sold);
      expect(row.other).toBe(0);
    }
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.message).toMatch(/Insufficient stock for product \d+/);
  });

  it('20 parallel requests with the same key -> one order, one payment, all answers the same order', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 100 });
    const key = randomUUID();
    const body = orderBody([{ productId: p.id, quantity: 2 }]);
    const responses = await Promise.all(Array.from({ length: 20 }, () => postOrder(ctx, buyers[0].token, body, key)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    const orders = await ctx.db.query(`SELECT id FROM orders WHERE user_id = $1 AND idempotency_key = $2`, [buyers[0].id, key]);
    expect(orders.rows).toHaveLength(1);
    const payments = await ctx.db.query(`SELECT count(*)::int AS n FROM payments WHERE order_id = $1`, [orders.rows[0].id]);
    expect(payments.rows[0].n).toBe(1);
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 98, reserved: 0 });

    // a later replay returns the original order; the same key with another body is 422
    const replay = await postOrder(ctx, buyers[0].token, body, key).expect(201);
    expect(replay.body.id).toBe([...ids][0]);
    const other = await postOrder(ctx, buyers[0].token, orderBody([{ productId: p.id, quantity: 3 }]), key).expect(422);
    expect(other.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    // the key is per user: another customer may use the same key for their own order
    const otherUser = await postOrder(ctx, buyers[1].token, body, key).expect(201);
    expect(otherUser.body.id).not.toBe(replay.body.id);
  });

  it.each([
    ['tok_decline', 402, 'declined'],
    ['tok_error', 502, 'error'],
    ['tok_timeout', 504, 'timeout'],
  ])('%s -> %d, order payment_failed, payment %s recorded, no reservation left', async (token, httpStatus, paymentStatus) => {
    const [p] = await createProducts(ctx.db, 1, { stock: 5 });
    const key = randomUUID();
    const res = await postOrder(ctx, buyers[2].token, orderBody([{ productId: p.id, quantity: 2 }], token), key);
    expect(res.status).toBe(httpStatus);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'payment.token' })]);
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 5, reserved: 0 });
    const { rows } = await ctx.db.query(
      `SELECT o.status, p.status AS payment FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.idempotency_key = $1`,
      [key],
    );
    expect(rows).toEqual([{ status: 'payment_failed', payment: paymentStatus }]);
    const events = await ctx.db.query(
      `SELECT event_type FROM outbox WHERE aggregate_id = (SELECT id::text FROM orders WHERE idempotency_key = $1) ORDER BY id`,
      [key],
    );
    expect(events.rows.map((e) => e.event_type)).toEqual(['order.created', 'order.payment_failed', 'order.status_changed']);
    // replaying the failed request gives the same answer and no second charge
    await postOrder(ctx, buyers[2].token, orderBody([{ productId: p.id, quantity: 2 }], token), key).expect(httpStatus);
    const payments = await ctx.db.query(
      `SELECT count(*)::int AS n FROM payments WHERE order_id = (SELECT id FROM orders WHERE idempotency_key = $1)`,
      [key],
    );
    expect(payments.rows[0].n).toBe(1);
  });

  it('a reservation whose payment step never ran is left alone until it expires, then released by the reaper', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 4 });
    const dto = orderBody([{ productId: p.id, quantity: 3 }]) as never;
    // step 1 of the flow only (what a process that dies before charging leaves behind)
    const reserved = await ctx.app.get(OrderReservationService).reserve({
      user: { id: buyers[3].id, role: 'customer', jti: 'x', exp: 0 },
      dto,
      lines: mergeLines((dto as { items: never }).items),
      idempotencyKey: randomUUID(),
      requestHash: orderRequestHash(dto),
      reservationSeconds: 600,
    });
    expect(reserved.kind).toBe('created');
    const orderId = (reserved as { orderId: string }).orderId;
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 4, reserved: 3 });

    const reaper = ctx.app.get(ReservationReaper);
    expect(await reaper.sweep()).not.toContain(orderId); // not expired yet: left alone
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 4, reserved: 3 });

    await ctx.db.query(`UPDATE orders SET reserved_until = now() - interval '1 second' WHERE id = $1`, [orderId]);
    expect(await reaper.sweep()).toContain(orderId);
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 4, reserved: 0 });
    const { rows } = await ctx.db.query(`SELECT status, reserved_until FROM orders WHERE id = $1`, [orderId]);
    expect(rows[0]).toEqual({ status: 'cancelled', reserved_until: null });
    expect(await reaper.sweep()).not.toContain(orderId); // idempotent
    expect((await orderTableCounts(ctx.db)).reserved).toBe(0);
  });

  it('a gateway process SIGKILLed while the payment is in flight leaves a reservation that the reaper releases', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 6 });
    const port = await freePort();
    // a second gateway process on the same database and keys; its provider call never returns in time
    const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env: {
        ...readEnvFiles(),
        APP_ENV: 'test',
        DB_DATABASE: TEST_DB,
        REDIS_DB: String(TEST_REDIS_DB),
        JWT_KEYS_DIR: TEST_KEYS_DIR,
        GATEWAY_PORT: String(port),
        GATEWAY_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        PAYMENT_TIMEOUT_MS: '120000',
        MOCK_PAYMENT_SLOW_MS: '120000',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await until(
        async () =>
          await fetch(`http://127.0.0.1:${port}/health/live`).then(
            (r) => r.ok,
            () => false,
          ),
        'the second gateway',
        60_000,
      );
      const key = randomUUID();
      const inFlight = fetch(`http://127.0.0.1:${port}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${buyers[4].token}`, 'idempotency-key': key },
        body: JSON.stringify(orderBody([{ productId: p.id, quantity: 5 }], 'tok_timeout')),
      }).catch(() => 'connection lost');
      await until(async () => (await stock(ctx.db, p.id)).reserved === 5, 'the reservation', 20_000);
      child.kill('SIGKILL');
      expect(await inFlight).toBe('connection lost');
      await exited;

      const { rows } = await ctx.db.query(`SELECT id::text, status FROM orders WHERE idempotency_key = $1`, [key]);
      expect(rows).toEqual([{ id: expect.any(String), status: 'pending' }]);
      const payments = await ctx.db.query(`SELECT count(*)::int AS n FROM payments WHERE order_id = $1`, [rows[0].id]);
      expect(payments.rows[0].n).toBe(0);
      expect(await stock(ctx.db, p.id)).toEqual({ onHand: 6, reserved: 5 });
      // the stock is blocked: another buyer cannot get 2 of the remaining 1
      await postOrder(ctx, buyers[5].token, orderBody([{ productId: p.id, quantity: 2 }])).expect(409);

      const reaper = ctx.app.get(ReservationReaper);
      expect(await reaper.sweep()).not.toContain(rows[0].id);
      await ctx.db.query(`UPDATE orders SET reserved_until = now() - interval '1 second' WHERE id = $1`, [rows[0].id]);
      expect(await reaper.sweep()).toEqual(expect.arrayContaining([rows[0].id]));
      expect(await stock(ctx.db, p.id)).toEqual({ onHand: 6, reserved: 0 });
      await postOrder(ctx, buyers[5].token, orderBody([{ productId: p.id, quantity: 2 }])).expect(201);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
