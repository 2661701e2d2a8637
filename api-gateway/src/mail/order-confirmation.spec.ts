import 'reflect-metadata';
import type Redis from 'ioredis';
import type { OrderEventPayload } from '../events/order-events';
import { MailConfig } from './mail.config';
import type { MailTransport } from './mail-transport';
import { OrderConfirmationSender } from './order-confirmation.sender';
import { renderOrderConfirmation } from './order-confirmation.template';

const event: OrderEventPayload = {
  orderId: '7',
  orderNumber: 'ORD-20261125-000007',
  userId: '3',
  status: 'paid',
  previousStatus: 'pending',
  currency: 'USD',
  total: '44.70',
  occurredAt: '2026-11-25T10:00:00.000Z',
  items: [
    { productId: '1', sku: 'TEE-RED-M', name: 'Red <tee>', unitPrice: '12.40', quantity: 3, lineTotal: '37.20' },
    { productId: '2', sku: 'MUG-1', name: 'Mug', unitPrice: '7.50', quantity: 1, lineTotal: '7.50' },
  ],
  customer: { email: 'ada@example.test', name: 'Ada' },
};

/** In-memory stand-in for the few Redis commands the sender uses. */
function fakeRedis() {
  const store = new Map<string, string>();
  return {
    store,
    async set(key: string, value: string, ...args: unknown[]) {
      if (args.includes('NX') && store.has(key)) return null;
      store.set(key, value);
      return 'OK';
    },
    async get(key: string) {
      return store.get(key) ?? null;
    },
    async del(key: string) {
      return store.delete(key) ? 1 : 0;
    },
    async pexpire() {
      return 1;
    },
  };
}

function setup(failures: number) {
  const sent: unknown[] = [];
  let calls = 0;
  const transport: MailTransport = {
    async sendMail(m) {
      calls++;
      if (calls <= failures) throw new Error('421 try later');
      sent.push(m);
      return {};
    },
  };
  const redis = fakeRedis();
  const config = Object.assign(new MailConfig(), { MAIL_MAX_ATTEMPTS: 3, MAIL_RETRY_BASE_MS: 1 });
  const sender = new OrderConfirmationSender(redis as unknown as Redis, transport, config, async () => undefined);
  return { sender, sent, redis, calls: () => calls };
}

describe('renderOrderConfirmation', () => {
  it('shows the order number, every line and the total; escapes HTML', () => {
    const mail = renderOrderConfirmation(event);
    expect(mail.subject).toBe('Order ORD-20261125-000007 confirmed');
    expect(mail.text).toContain('3 x Red <tee> (TEE-RED-M) @ 12.40 USD = 37.20 USD');
    expect(mail.text).toContain('1 x Mug (MUG-1)');
    expect(mail.text).toContain('Total: 44.70 USD');
    expect(mail.html).toContain('Red &lt;tee&gt;');
    expect(mail.html).not.toContain('<tee>');
  });
});

describe('OrderConfirmationSender', () => {
  it('sends once per order id, however often the event arrives', async () => {
    const { sender, sent } = setup(0);
    expect(await sender.send(event)).toBe('sent');
    expect(await sender.send(event)).toBe('duplicate');
    expect(sent).toHaveLength(1);
  });

  it('retries a failing SMTP server and still sends one email', async () => {
    const { sender, sent, calls } = setup(2);
    expect(await sender.send(event)).toBe('sent');
    expect(calls()).toBe(3);
    expect(sent).toHaveLength(1);
  });

  it('releases the claim after the last failed attempt so a redelivery can retry', async () => {
    const { sender, redis } = setup(10);
    await expect(sender.send(event)).rejects.toThrow('421');
    expect(redis.store.has(OrderConfirmationSender.key('7'))).toBe(false);
  });

  it('reports a send in progress by another worker', async () => {
    const { sender, redis } = setup(0);
    redis.store.set(OrderConfirmationSender.key('7'), 'sending');
    expect(await sender.send(event)).toBe('in-progress');
  });
});
