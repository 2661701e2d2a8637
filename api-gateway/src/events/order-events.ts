import type { PricedLine } from '../orders/order-lines';
import type { OrderStatus } from '../orders/order-status';

/** Kafka topics = event types (one topic per type, keyed by order id so one order stays ordered). */
export const ORDER_EVENT_TYPES = ['order.created', 'order.paid', 'order.payment_failed', 'order.status_changed'] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** An order line in an event: the priced line as stored (order_items). */
export type OrderEventLine = PricedLine;

export interface OrderEventPayload {
  orderId: string;
  orderNumber: string;
  userId: string;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  currency: string;
  total: string;
  occurredAt: string;
  /** order.created and order.paid carry the lines (the email is rendered from order.paid alone). */
  items?: OrderEventLine[];
  /** order.paid carries the recipient, so the mailer needs no database access. */
  customer?: { email: string; name: string };
  /** order.payment_failed: declined | error | timeout and the provider message. */
  reason?: string;
}

export interface OrderEvent {
  type: OrderEventType;
  payload: OrderEventPayload;
}

/** What goes over Kafka: the payload plus the outbox id (a stable event id for consumers' dedup). */
export interface OrderEventMessage extends OrderEventPayload {
  eventId: string;
  type: OrderEventType;
}
