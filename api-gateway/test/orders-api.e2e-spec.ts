import { randomUUID } from 'crypto';
import { adminToken, address, createProducts, customers, orderBody, orderTableCounts, postOrder, Product, stock } from './orders-fixtures';
import { startApp, TestContext } from './support/test-app';

describe('orders API: bad input, client prices, history, ownership, status transitions', () => {
  let ctx: TestContext;
  let alice: { id: number; token: string };
  let bob: { id: number; token: string };
  let admin: string;
  let product: Product;
  let deleted: Product;
  let draft: Product;

  beforeAll(async () => {
    ctx = await startApp();
    [alice, bob] = await customers(ctx, 2);
    admin = await adminToken(ctx);
    [product] = await createProducts(ctx.db, 1, { stock: 100, price: '12.40' });
    [deleted] = await createProducts(ctx.db, 1, { stock: 100, deleted: true });
    [draft] = await createProducts(ctx.db, 1, { stock: 100, status: 'draft' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  const line = (over: Record<string, unknown> = {}) => ({ productId: product.id, quantity: 1, ...over });

  it.each([
    ['quantity 0', () => orderBody([line({ quantity: 0 })]), 400, 'items.0.quantity'],
    ['quantity -1', () => orderBody([line({ quantity: -1 })]), 400, 'items.0.quantity'],
    ['quantity 101', () => orderBody([line({ quantity: 101 })]), 400, 'items.0.quantity'],
    ['merged duplicate lines over 100', () => orderBody([line({ quantity: 60 }), line({ quantity: 41 })]), 400, 'items[0].quantity'],
    ['an empty items list', () => orderBody([]), 400, 'items'],
    ['51 lines', () => orderBody(Array.from({ length: 51 }, () => line())), 400, 'items'],
    ['an unknown product', () => orderBody([line(), { productId: 987654321, quantity: 1 }]), 422, 'items[1].productId'],
    ['a deleted product', () => orderBody([{ productId: deleted.id, quantity: 1 }]), 422, 'items[0].productId'],
    ['a draft product', () => orderBody([{ productId: draft.id, quantity: 1 }]), 422, 'items[0].productId'],
    [
      'a bad country code',
      () => orderBody([line()], 'tok_success', { shippingAddress: { ...address, country: 'XX' } }),
      400,
      'shippingAddress.country',
    ],
    [
      'a missing postal code',
      () => orderBody([line()], 'tok_success', { shippingAddress: { ...address, postalCode: undefined } }),
      400,
      'shippingAddress.postalCode',
    ],
    [
      'a payment method other than card',
      () => orderBody([line()], 'tok_success', { payment: { method: 'cash', token: 'tok_success' } }),
      400,
      'payment.method',
    ],
    ['an unknown top-level field', () => orderBody([line()], 'tok_success', { total: 0.01 }), 400, 'total'],
  ])('%s -> 4xx naming the field, no rows written', async (_name, body, status, field) => {
    const before = await orderTableCounts(ctx.db);
    const res = await postOrder(ctx, alice.token, body());
    expect(res.status).toBe(status);
    expect(res.body.details?.map((d: { field: string }) => d.field)).toContain(field);
    expect(await orderTableCounts(ctx.db)).toEqual(before);
  });

  it('draft, deleted and unknown products get the same error: nothing tells that a product exists (issue 9, F10)', async () => {
    const messages: string[] = [];
    for (const id of [draft.id, deleted.id, 987654321]) {
      const res = await postOrder(ctx, alice.token, orderBody([{ productId: id, quantity: 1 }])).expect(422);
      messages.push(res.body.message.replace(String(id), '<id>'));
      expect(res.body.message).not.toContain(draft.sku);
    }
    expect(new Set(messages)).toEqual(new Set(['product <id> is not available']));
  });

  it('a missing or malformed Idempotency-Key -> 400 naming the header, no rows written', async () => {
    const before = await orderTableCounts(ctx.db);
    for (const key of [null, 'short']) {
      const res = await postOrder(ctx, alice.token, orderBody([line()]), key).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    }
    expect(await orderTableCounts(ctx.db)).toEqual(before);
  });

  it('anonymous -> 401, nothing written', async () => {
    const before = await orderTableCounts(ctx.db);
    await ctx
      .http()
      .post('/api/orders')
      .set('Idempotency-Key', randomUUID())
      .send(orderBody([line()]))
      .expect(401);
    expect(await orderTableCounts(ctx.db)).toEqual(before);
  });

  it('client-supplied prices are ignored: the total comes from the catalog', async () => {
    const res = await postOrder(ctx, alice.token, orderBody([line({ quantity: 3, price: 0.01, unitPrice: 0.01 })])).expect(201);
    expect(res.body.total).toBe(37.2);
    expect(res.body.items).toEqual([
      expect.objectContaining({ productId: product.id, sku: product.sku, unitPrice: 12.4, quantity: 3, lineTotal: 37.2 }),
    ]);
    const { rows } = await ctx.db.query(`SELECT total::text FROM orders WHERE id = $1`, [res.body.id]);
    expect(rows[0].total).toBe('37.20');
  });

  it('duplicate lines are merged into one line', async () => {
    const res = await postOrder(ctx, alice.token, orderBody([line({ quantity: 2 }), line({ quantity: 3 })])).expect(201);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].quantity).toBe(5);
  });

  it("GET /api/orders lists only my orders, paginated; another user's order is 404; admin sees any", async () => {
    const mine = await postOrder(ctx, bob.token, orderBody([line()])).expect(201);
    await postOrder(ctx, bob.token, orderBody([line({ quantity: 2 })])).expect(201);
    await postOrder(ctx, bob.token, orderBody([line({ quantity: 3 })])).expect(201);

    const page1 = await ctx.http().get('/api/orders?page=1&pageSize=2').set('Authorization', `Bearer ${bob.token}`).expect(200);
    expect(page1.body).toEqual(expect.objectContaining({ total: 3, page: 1, pageSize: 2 }));
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.items[0].items[0].quantity).toBe(3); // newest first
    const page2 = await ctx.http().get('/api/orders?page=2&pageSize=2').set('Authorization', `Bearer ${bob.token}`).expect(200);
    expect(page2.body.items.map((o: { id: number }) => o.id)).toEqual([mine.body.id]);
    expect(page1.body.items.concat(page2.body.items).every((o: { userId: number }) => o.userId === bob.id)).toBe(true);

    const got = await ctx.http().get(`/api/orders/${mine.body.id}`).set('Authorization', `Bearer ${bob.token}`).expect(200);
    expect(got.body).toEqual(
      expect.objectContaining({ id: mine.body.id, number: mine.body.number, status: 'paid', shippingAddress: address }),
    );
    expect(got.body.payment).toEqual(expect.objectContaining({ provider: 'mock', status: 'succeeded' }));
    await ctx.http().get(`/api/orders/${mine.body.id}`).set('Authorization', `Bearer ${alice.token}`).expect(404);
    await ctx.http().get(`/api/orders/${mine.body.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    const bad = await ctx.http().get('/api/orders/abc').set('Authorization', `Bearer ${bob.token}`).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
    await ctx.http().get('/api/orders?pageSize=101').set('Authorization', `Bearer ${bob.token}`).expect(400);
  });

  it('status transitions follow the state machine: legal moves succeed, illegal ones are 409', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 10 });
    const order = await postOrder(ctx, alice.token, orderBody([{ productId: p.id, quantity: 4 }])).expect(201);
    const patch = (status: string, token = admin) =>
      ctx.http().patch(`/api/orders/${order.body.id}/status`).set('Authorization', `Bearer ${token}`).send({ status });

    await patch('shipped', alice.token).expect(403);
    const illegal = await patch('delivered').expect(409);
    expect(illegal.body.message).toContain('paid -> delivered');
    await patch('paid').expect(422);
    await patch('teleported').expect(400);
    expect((await patch('shipped').expect(200)).body.status).toBe('shipped');
    await patch('cancelled').expect(409);
    expect((await patch('delivered').expect(200)).body.status).toBe('delivered');
    expect((await patch('refunded').expect(200)).body.status).toBe('refunded');
    await patch('shipped').expect(409);
    const events = await ctx.db.query(
      `SELECT payload->>'status' AS status FROM outbox WHERE aggregate_id = $1 AND event_type = 'order.status_changed' ORDER BY id`,
      [String(order.body.id)],
    );
    expect(events.rows.map((r) => r.status)).toEqual(['paid', 'shipped', 'delivered', 'refunded']);
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 6, reserved: 0 });
  });

  it('cancelling a paid order puts its stock back on hand', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 10 });
    const order = await postOrder(ctx, alice.token, orderBody([{ productId: p.id, quantity: 4 }])).expect(201);
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 6, reserved: 0 });
    await ctx
      .http()
      .patch(`/api/orders/${order.body.id}/status`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ status: 'cancelled' })
      .expect(200);
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 10, reserved: 0 });
    await ctx.http().patch('/api/orders/99999999/status').set('Authorization', `Bearer ${admin}`).send({ status: 'cancelled' }).expect(404);
  });
});
