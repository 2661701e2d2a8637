import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChargeResult } from '../payments/payment-provider';
import { OrderRepository } from './order.repository';
import { eventPayload, OrderTransitions } from './order-transitions.service';

export type SettlementOutcome = 'paid' | 'payment_failed';

/** Second transaction of the order flow: records the charge and settles the reservation. */
@Injectable()
export class OrderSettlementService {
  private readonly logger = new Logger(OrderSettlementService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitions,
  ) {}

  async settle(orderId: string, provider: string, charge: ChargeResult): Promise<SettlementOutcome> {
    return this.dataSource.transaction(async (m) => {
      const head = await this.orders.lockHead(m, orderId);
      if (!head) throw new Error(`order ${orderId} vanished before settlement`);
      await this.orders.insertPayment(m, head, provider, charge);
      if (head.status !== 'pending') {
        // the reaper cancelled the order first (reservation expired while the provider was slow)
        this.logger.warn(`order ${head.number} is ${head.status} at settlement; charge ${charge.status} recorded for refund handling`);
        throw Object.assign(new ConflictException(`Order ${head.number} expired before its payment completed`), {
          details: [{ field: 'order', message: `order is ${head.status}` }],
        });
      }
      if (charge.status === 'succeeded') {
        const { items, customer } = await this.orders.paidEventData(m, head.id, head.userId);
        const stock = items.map((l) => ({ productId: l.productId, quantity: l.quantity }));
        await this.transitions.apply(m, head, 'paid', { source: 'payment', knownLines: stock }, [
          { type: 'order.paid', payload: eventPayload(head, 'paid', { items, customer }) },
        ]);
        return 'paid';
      }
      const reason = `${charge.status}: ${charge.error ?? ''}`.trim();
      await this.transitions.apply(m, head, 'payment_failed', { source: 'payment', reason }, [
        { type: 'order.payment_failed', payload: eventPayload(head, 'payment_failed', { reason }) },
      ]);
      return 'payment_failed';
    });
  }
}
