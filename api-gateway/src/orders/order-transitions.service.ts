import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEvent, OrderEventPayload } from '../events/order-events';
import { OutboxWriter } from '../events/outbox.writer';
import { InventoryRepository, StockLine } from './inventory.repository';
import { OrderHead, OrderRepository } from './order.repository';
import { assertTransition, OrderStatus, stockEffect } from './order-status';

export function eventPayload(head: OrderHead, status: OrderStatus, extra: Partial<OrderEventPayload> = {}): OrderEventPayload {
  return {
    orderId: head.id,
    orderNumber: head.number,
    userId: head.userId,
    status,
    previousStatus: head.status === status ? null : head.status,
    currency: head.currency,
    total: head.total,
    occurredAt: new Date().toISOString(),
    ...extra,
  };
}

/** Who moves an order and why; recorded in order_status_history with the change. */
export interface StatusMove {
  source: 'payment' | 'reservation-reaper' | 'admin';
  actorUserId?: string | null;
  reason?: string;
  /** The order's stock lines when the caller already loaded them (saves a query). */
  knownLines?: StockLine[];
}

/**
 * The one place that moves an order between states (order flow, reaper and admin alike): checks the
 * state machine, applies the stock effect, updates the row and writes order.status_changed (plus
 * any specific events) to the outbox and the change to order_status_history, all on the caller's transaction, with the order row locked.
 */
@Injectable()
export class OrderTransitions {
  constructor(
    private readonly orders: OrderRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async apply(manager: EntityManager, head: OrderHead, to: OrderStatus, move: StatusMove, events: OrderEvent[] = []): Promise<void> {
    assertTransition(head.status, to);
    const { reason, knownLines } = move;
    const effect = head.status === 'pending' && to === 'paid' ? 'consume' : stockEffect(head.status, to);
    const lines = effect === 'none' ? [] : (knownLines ?? (await this.orders.stockLines(manager, head.id)));
    // inventory before the order row's update: a same-key reservation holding these rows' locks waits
    // for any transaction that wrote a new version of the order row (OrderRepository.reservePending)
    if (effect === 'consume') await this.inventory.consume(manager, lines);
    else if (effect === 'release-reservation') await this.inventory.release(manager, lines);
    else if (effect === 'restock') await this.inventory.restock(manager, lines);
    await this.orders.setStatus(manager, head.id, to);
    await this.orders.recordStatusChange(manager, head.id, head.status, to, move);
    await this.outbox.append(manager, [
      ...events,
      { type: 'order.status_changed', payload: eventPayload(head, to, reason ? { reason } : {}) },
    ]);
  }
}
