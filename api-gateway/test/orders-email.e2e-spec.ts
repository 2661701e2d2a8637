import { randomUUID } from 'crypto';
import type { INestMicroservice } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { startOrderWorker } from '../src/order-worker/order-worker.factory';
import { readEnvFiles } from '../src/config/load-config';
import { mergeLines } from '../src/orders/order-lines';
import { OrderReservationService } from '../src/orders/order-reservation.service';
import { orderRequestHash } from '../src/orders/request-hash';
import { createProducts, customers, orderBody, postOrder, stock } from './orders-fixtures';
import { ensureOutboxConnector } from './support/outbox-connector';
import { startApp, testEnv, TestContext, unique } from './support/test-app';
import { TEST_DB } from './support/test-env';

// real Kafka + real SMTP (maildev); short payment deadline for tok_timeout
process.env.PAYMENT_TIMEOUT_MS = '600';
process.env.MOCK_PAYMENT_SLOW_MS = '20000';
process.env.ORDER_REAPER_INTERVAL_MS = '300';

const env = readEnvFiles();
const MAILDEV = `http://127.0.0.1:${env.MAILDEV_WEB_PORT ?? 1080}`;

interface CaughtMail {
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  headers: Record<string, string>;
}

async function mails(): Promise<CaughtMail[]> {
  const res = await fetch(`${MAILDEV}/email`);
  if (!res.ok) throw new Error(`maildev answered ${res.status}`);
  return (await res.json()) as CaughtMail[];
}
const mailsFor = async (orderNumber: string) => (await mails()).filter((m) => m.subject.includes(orderNumber));

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('order confirmation email: outbox -> Debezium outbox router -> Kafka -> worker -> SMTP (maildev)', () => {
  let ctx: TestContext;
  let worker: INestMicroservice;
  let buyer: { id: number; token: string; email: string };

  beforeAll(async () => {
    // order numbers restart with the fresh e2e database: drop mails of earlier runs
    await fetch(`${MAILDEV}/email/all`, { method: 'DELETE' });
    ctx = await startApp();
    await ensureOutboxConnector(TEST_DB);
    const groupId = unique('order-mailer-e2e-');
    worker = await startOrderWorker({ env: testEnv(), groupId, fromBeginning: false });
    // wait until the email consumer owns its partitions, so no event published from now on is missed
    const admin = new Kafka({
      clientId: 'e2e-probe',
      brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await eventually(async () => {
      const { groups } = await admin.describeGroups([groupId]);
      return groups[0]?.state === 'Stable' && groups[0].members.length > 0 ? true : undefined;
    }, 'the mail consumer group to be stable');
    await admin.disconnect();
    const [u] = await customers(ctx, 1);
    const { rows } = await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [u.id]);
    buyer = { ...u, email: rows[0].email };
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  it('a paid order produces one email showing the order number, the lines and the total', async () => {
    const [a, b] = await createProducts(ctx.db, 2, { stock: 10, price: '12.40' });
    const order = await postOrder(
      ctx,
      buyer.token,
      orderBody([
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 1 },
      ]),
    ).expect(201);
    const number: string = order.body.number;
    const [mail] = await eventually(async () => {
      const m = await mailsFor(number);
      return m.length ? m : undefined;
    }, `email for ${number}`);
    expect(mail.to.map((t) => t.address)).toEqual([buyer.email]);
    expect(mail.subject).toBe(`Order ${number} confirmed`);
    expect(mail.text).toContain(`3 x Order test ${a.sku} (${a.sku}) @ 12.40 USD = 37.20 USD`);
    expect(mail.text).toContain(`1 x Order test ${b.sku} (${b.sku}) @ 12.40 USD = 12.40 USD`);
    expect(mail.text).toContain('Total: 49.60 USD');
    expect(order.body.total).toBe(49.6);
  });

  it('20 parallel requests with one key and a republished event still give exactly one email', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 50 });
    const key = randomUUID();
    const body = orderBody([{ productId: p.id, quantity: 1 }]);
    const responses = await Promise.all(Array.from({ length: 20 }, () => postOrder(ctx, buyer.token, body, key)));
    expect(new Set(responses.map((r) => r.body.number)).size).toBe(1);
    const number: string = responses[0].body.number;
    await eventually(async () => ((await mailsFor(number)).length ? true : undefined), `email for ${number}`);

    // at-least-once delivery (e.g. Debezium restarted before committing its offset): the same
    // order.paid message, as the outbox row holds it, delivered a second time
    const { rows } = await ctx.db.query(
      `SELECT aggregate_id, payload::text AS payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'order.paid'`,
      [String(responses[0].body.id)],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].payload)).toEqual(
      expect.objectContaining({ type: 'order.paid', source: TEST_DB, eventId: expect.any(String) }),
    );
    const producer = new Kafka({
      clientId: 'e2e-republish',
      brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({ topic: 'order.paid', messages: [{ key: rows[0].aggregate_id, value: rows[0].payload }] });
    await producer.disconnect();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await mailsFor(number)).toHaveLength(1);
  });

  it('declined, failed and timed-out payments send no email', async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 10 });
    const numbers: string[] = [];
    for (const [token, status] of [
      ['tok_decline', 402],
      ['tok_error', 502],
      ['tok_timeout', 504],
    ] as const) {
      const key = randomUUID();
      await postOrder(ctx, buyer.token, orderBody([{ productId: p.id, quantity: 1 }], token), key).expect(status);
      const { rows } = await ctx.db.query(`SELECT id, number FROM orders WHERE idempotency_key = $1`, [key]);
      numbers.push(rows[0].number);
    }
    // a paid order placed afterwards is mailed: once its email is there, earlier events were consumed too
    const paid = await postOrder(ctx, buyer.token, orderBody([{ productId: p.id, quantity: 1 }])).expect(201);
    await eventually(async () => ((await mailsFor(paid.body.number)).length ? true : undefined), 'the control email');
    await new Promise((r) => setTimeout(r, 1_000));
    for (const n of numbers) expect(await mailsFor(n)).toHaveLength(0);
  });

  it("the worker's scheduled reaper releases an expired reservation on its own", async () => {
    const [p] = await createProducts(ctx.db, 1, { stock: 3 });
    const dto = orderBody([{ productId: p.id, quantity: 3 }]) as never;
    const reserved = await ctx.app.get(OrderReservationService).reserve({
      user: { id: buyer.id, role: 'customer', jti: 'x', exp: 0 },
      dto,
      lines: mergeLines((dto as { items: never }).items),
      idempotencyKey: randomUUID(),
      requestHash: orderRequestHash(dto),
      reservationSeconds: 1,
    });
    expect(reserved.kind).toBe('created');
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 3, reserved: 3 });
    const orderId = (reserved as { orderId: string }).orderId;
    await eventually(
      async () => {
        const { rows } = await ctx.db.query(`SELECT status FROM orders WHERE id = $1`, [orderId]);
        return rows[0].status === 'cancelled' ? true : undefined;
      },
      'the reaper to cancel the order',
      15_000,
    );
    expect(await stock(ctx.db, p.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await mailsFor((reserved as { number: string }).number)).toHaveLength(0);
  });
});
