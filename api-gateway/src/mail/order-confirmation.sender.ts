import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';
import type { OrderEventPayload } from '../events/order-events';
import { MailConfig } from './mail.config';
import { MAIL_SLEEP, MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { renderOrderConfirmation } from './order-confirmation.template';
import { retryWithBackoff } from './retry';

export type SendOutcome = 'sent' | 'duplicate' | 'in-progress';

const LOCK_TTL_MS = 5 * 60_000;

/**
 * Sends the confirmation of a paid order exactly once per order id, even when the event is
 * delivered twice or consumed by two workers: a Redis key `mail:order-confirmed:<orderId>` is
 * claimed with SET NX ('sending'), becomes 'sent' after the SMTP server accepted the message, and
 * is deleted if every retry failed (so a redelivery may try again).
 */
@Injectable()
export class OrderConfirmationSender {
  private readonly logger = new Logger(OrderConfirmationSender.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly config: MailConfig,
    @Inject(MAIL_SLEEP) private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  static key(orderId: string): string {
    return `mail:order-confirmed:${orderId}`;
  }

  async send(event: OrderEventPayload): Promise<SendOutcome> {
    const key = OrderConfirmationSender.key(event.orderId);
    const claimed = await this.redis.set(key, 'sending', 'PX', LOCK_TTL_MS, 'NX');
    if (claimed !== 'OK') return (await this.redis.get(key)) === 'sent' ? 'duplicate' : 'in-progress';
    if (!event.customer?.email) {
      await this.redis.set(key, 'sent');
      this.logger.warn(`order ${event.orderNumber} has no recipient; confirmation skipped`);
      return 'sent';
    }
    const mail = renderOrderConfirmation(event);
    try {
      await retryWithBackoff(
        () =>
          this.transport.sendMail({
            from: this.config.MAIL_FROM,
            to: event.customer!.email,
            ...mail,
            messageId: `<order-${event.orderId}-confirmation@commerce.local>`,
            headers: { 'X-Order-Number': event.orderNumber },
          }),
        {
          attempts: this.config.MAIL_MAX_ATTEMPTS,
          baseMs: this.config.MAIL_RETRY_BASE_MS,
          sleep: this.sleep,
          onRetry: (attempt, delay, err) => {
            this.logger.warn(
              `confirmation of ${event.orderNumber}: attempt ${attempt} failed (${(err as Error)?.message}); retry in ${delay} ms`,
            );
            void this.redis.pexpire(key, LOCK_TTL_MS);
          },
        },
      );
    } catch (err) {
      await this.redis.del(key);
      throw err;
    }
    await this.redis.set(key, 'sent');
    return 'sent';
  }
}
