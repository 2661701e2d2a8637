/**
 * The order events' contract (Kafka topics, keys and message shape). This folder depends on no
 * feature folder: orders writes these events, mail and notifications consume them.
 */

/** Kafka topics = event types (one topic per type, keyed by order id so one order stays ordered). */
export const ORDER_EVENT_TYPES = ['order.created', 'order.paid', 'order.payment_failed', 'order.status_changed'] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** Order statuses as events carry them (orders/order-status.ts owns the state machine). */
export type OrderEventStatus = 'pending' | 'paid' | 'payment_failed' | 'cancelled' | 'shipped' | 'delivered' | 'refunded';

/** An order line in an event: the priced line as stored (order_items). */
export interface OrderEventLine {
  productId: string;
  sku: string;
  name: string;
  unitPrice: string;
  quantity: number;
  lineTotal: string;
}

export interface OrderEventPayload {
  orderId: string;
  orderNumber: string;
  userId: string;
  status: OrderEventStatus;
  previousStatus: OrderEventStatus | null;
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

/**
 * What goes over Kafka (the outbox row's payload, published by Debezium's outbox event router):
 * the payload plus the outbox id (a stable event id for consumers' dedup), the type and the source
 * database.
 */
export interface OrderEventMessage extends OrderEventPayload {
  eventId: string;
  type: OrderEventType;
  source?: string;
}
