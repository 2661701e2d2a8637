import type { AddressInfo } from 'net';
import type { INestMicroservice } from '@nestjs/common';
import { io, Socket } from 'socket.io-client';
import { startOrderWorker } from '../src/order-worker/order-worker.factory';
import { OrderEventsListener } from '../src/notifications/order-events.listener';
import { adminToken, createProducts, customers, orderBody, postOrder } from './orders-fixtures';
import { ensureOutboxConnector } from './support/outbox-connector';
import { startApp, testEnv, TestContext, unique } from './support/test-app';
import { TEST_DB } from './support/test-env';

interface Received {
  event: string;
  orderId: string;
  userId: string;
  status: string;
}

describe('live order updates over Socket.IO: JWT handshake and user isolation', () => {
  let ctx: TestContext;
  let worker: INestMicroservice;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ctx = await startApp();
    await ensureOutboxConnector(TEST_DB);
    await ctx.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startOrderWorker({ env: testEnv(), groupId: unique('order-mailer-ws-'), fromBeginning: false });
    await ctx.app.get(OrderEventsListener).ready;
    await new Promise((r) => setTimeout(r, 500)); // offsets of the fresh group are resolved right after the join
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await worker?.close();
    await ctx?.close();
  });

  /** Connects and records every order event the socket receives. */
  function connect(token: string | undefined): Promise<{ socket: Socket; received: Received[] }> {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: token === undefined ? {} : { token },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const received: Received[] = [];
    for (const event of ['order.created', 'order.status_changed', 'order.paid', 'order.payment_failed']) {
      socket.on(event, (m: Received) => received.push({ event, orderId: m.orderId, userId: m.userId, status: m.status }));
    }
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve({ socket, received }));
      socket.once('connect_error', (err) => reject(err));
    });
  }

  async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('rejects a handshake without a token or with a forged one', async () => {
    await expect(connect(undefined)).rejects.toThrow(/unauthorized/);
    await expect(connect('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.')).rejects.toThrow(/unauthorized/);
  });

  it("user A receives only A's order events, user B only B's; admins receive every new order", async () => {
    const [alice, bob] = await customers(ctx, 2);
    const admin = await adminToken(ctx);
    const a = await connect(alice.token);
    const b = await connect(bob.token);
    const adm = await connect(`Bearer ${admin}`);
    const [p] = await createProducts(ctx.db, 1, { stock: 10 });

    const aliceOrder = await postOrder(ctx, alice.token, orderBody([{ productId: p.id, quantity: 1 }])).expect(201);
    const bobOrder = await postOrder(ctx, bob.token, orderBody([{ productId: p.id, quantity: 1 }], 'tok_decline')).expect(402);
    void bobOrder;
    const bobId = String((await ctx.db.query(`SELECT id FROM orders WHERE user_id = $1`, [bob.id])).rows[0].id);
    const aliceId = String(aliceOrder.body.id);

    await until(() => a.received.some((m) => m.event === 'order.status_changed' && m.status === 'paid'), "alice's paid status");
    await until(() => b.received.some((m) => m.event === 'order.status_changed' && m.status === 'payment_failed'), "bob's failed status");
    await until(
      () => [aliceId, bobId].every((id) => adm.received.some((m) => m.event === 'order.created' && m.orderId === id)),
      'both new orders at the admin',
    );
    await new Promise((r) => setTimeout(r, 1_000)); // give any misrouted event time to arrive

    // exactly these events; Kafka orders them per topic and key (order), not across the two topics
    const byTopic = (r: Received[]) => [...r].sort((x, y) => x.event.localeCompare(y.event)).map((m) => [m.event, m.status]);
    expect(byTopic(a.received)).toEqual([
      ['order.created', 'pending'],
      ['order.status_changed', 'paid'],
    ]);
    expect(byTopic(b.received)).toEqual([
      ['order.created', 'pending'],
      ['order.status_changed', 'payment_failed'],
    ]);
    expect(a.received.every((m) => m.userId === String(alice.id) && m.orderId === aliceId)).toBe(true);
    expect(b.received.every((m) => m.userId === String(bob.id) && m.orderId === bobId)).toBe(true);
    expect(
      adm.received
        .filter((m) => m.event === 'order.created')
        .map((m) => m.orderId)
        .sort(),
    ).toEqual([aliceId, bobId].sort());
    expect(adm.received.filter((m) => m.event === 'order.status_changed')).toEqual([]);
  });
});
