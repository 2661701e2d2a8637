import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChargeResult } from '../payments/payment-provider';
import { OrderQueriesService, type OrderView } from './order-queries.service';
import type { ReservedOrder } from './order-reservation.service';
import { OrderHead, OrderRepository } from './order.repository';
import { assertTransition } from './order-status';
import { eventPayload, OrderTransitions } from './order-transitions.service';

/** A settled order; `view` is the paid order as GET /api/orders/:id shows it (read by the settlement itself). */
export type Settlement = { outcome: 'paid'; view: OrderView } | { outcome: 'payment_failed' };

/** Second transaction of the order flow: records the charge and settles the reservation. */
@Injectable()
export class OrderSettlementService {
  private readonly logger = new Logger(OrderSettlementService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitions,
    private readonly queries: OrderQueriesService,
  ) {}

  /** `attempt` > 1: a retry after the database went away (settle-retry.ts), whose first try may have committed. */
  async settle(order: ReservedOrder, provider: string, charge: ChargeResult, attempt = 1): Promise<Settlement> {
    if (attempt > 1) {
      const done = await this.alreadySettled(order.orderId, charge);
      if (done) return done;
    }
    return charge.status === 'succeeded' ? this.settlePaid(order, provider, charge) : this.settleFailed(order.orderId, provider, charge);
  }

  /** The earlier attempt committed but its answer was lost with the connection: its outcome, written once. */
  private async alreadySettled(orderId: string, charge: ChargeResult): Promise<Settlement | undefined> {
    const m = this.dataSource.manager;
    const [head, payment] = [await this.orders.findHead(m, orderId), await this.orders.lastPayment(m, orderId)];
    if (!head || !payment || payment.status !== charge.status || payment.providerRef !== charge.providerRef) return undefined;
    if (head.status === 'paid' && charge.status === 'succeeded') return { outcome: 'paid', view: await this.queries.view(orderId) };
    if (head.status === 'payment_failed' && charge.status !== 'succeeded') return { outcome: 'payment_failed' };
    return undefined;
  }

  /**
   * pending -> paid in one statement (OrderRepository.settlePaid): order row locked first, then the
   * inventory in product order, as every transition does. The events are built here from the
   * reservation (the order's number, total, currency and lines are immutable).
   */
  private async settlePaid(order: ReservedOrder, provider: string, charge: ChargeResult): Promise<Settlement> {
    assertTransition('pending', 'paid');
    const head: OrderHead = {
      id: order.orderId,
      number: order.number,
      userId: order.userId,
      status: 'pending',
      currency: order.currency,
      total: order.total,
      requestHash: null,
      reservedUntil: null,
    };
    const settled = await this.orders.settlePaid(this.dataSource.manager, {
      orderId: order.orderId,
      provider,
      providerRef: charge.providerRef,
      paidEvent: eventPayload(head, 'paid', { items: order.lines }),
      statusEvent: eventPayload(head, 'paid'),
    });
    if (!settled) throw new Error(`order ${order.orderId} vanished before settlement`);
    if (settled.headStatus !== 'pending' || !settled.view) throw this.notPending(settled.headNumber, settled.headStatus, charge);
    if (settled.consumedRows !== order.lines.length) {
      // cannot happen: the rows were locked by the same statement
      this.logger.error(`order ${order.number}: consumed ${settled.consumedRows} of ${order.lines.length} inventory rows`);
    }
    return { outcome: 'paid', view: settled.view };
  }

  private async settleFailed(orderId: string, provider: string, charge: ChargeResult): Promise<Settlement> {
    return this.dataSource.transaction(async (m) => {
      const head = await this.orders.lockHead(m, orderId);
      if (!head) throw new Error(`order ${orderId} vanished before settlement`);
      await this.orders.insertPayment(m, head, provider, charge);
      if (head.status !== 'pending') throw this.notPending(head.number, head.status, charge);
      const reason = `${charge.status}: ${charge.error ?? ''}`.trim();
      await this.transitions.apply(m, head, 'payment_failed', { source: 'payment', reason }, [
        { type: 'order.payment_failed', payload: eventPayload(head, 'payment_failed', { reason }) },
      ]);
      return { outcome: 'payment_failed' as const };
    });
  }

  /** The reaper cancelled the order first (reservation expired while the provider was slow): nothing is written. */
  private notPending(number: string, status: string, charge: ChargeResult): ConflictException {
    this.logger.warn(`order ${number} is ${status} at settlement; charge ${charge.status} not recorded (needs refund handling)`);
    return Object.assign(new ConflictException(`Order ${number} expired before its payment completed`), {
      details: [{ field: 'order', message: `order is ${status}` }],
    });
  }
}
