import { ConflictException } from '@nestjs/common';

export const ORDER_STATUSES = ['pending', 'paid', 'payment_failed', 'cancelled', 'shipped', 'delivered', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The order state machine. pending is left only by the order flow itself (paid / payment_failed)
 * or by cancellation (admin or the reservation reaper); terminal states have no way out.
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'payment_failed', 'cancelled'],
  paid: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  payment_failed: [],
  cancelled: [],
  refunded: [],
};

/** Targets an operator may set by hand; paid/payment_failed belong to the payment flow. */
export const MANUAL_TARGETS: readonly OrderStatus[] = ['cancelled', 'shipped', 'delivered', 'refunded'];

/**
 * The machine as data (GET /api/orders/state-machine): the admin reads it to offer only legal
 * moves, so no second copy of the transitions exists anywhere.
 */
export function stateMachine(): {
  statuses: readonly OrderStatus[];
  transitions: Record<OrderStatus, readonly OrderStatus[]>;
  manualTargets: readonly OrderStatus[];
} {
  return { statuses: ORDER_STATUSES, transitions: TRANSITIONS, manualTargets: MANUAL_TARGETS };
}

export function allowedTransitions(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** 409 naming both states when the move is not allowed. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from];
    throw Object.assign(
      new ConflictException(
        `Illegal order status transition ${from} -> ${to}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (terminal state)'),
      ),
      { details: [{ field: 'status', message: `cannot move from ${from} to ${to}` }] },
    );
  }
}

/** Stock effect of a transition: a pending order holds a reservation, a paid/shipped one has consumed on_hand. */
export type StockEffect = 'release-reservation' | 'restock' | 'none';

export function stockEffect(from: OrderStatus, to: OrderStatus): StockEffect {
  if (from === 'pending' && (to === 'cancelled' || to === 'payment_failed')) return 'release-reservation';
  if (from === 'paid' && (to === 'cancelled' || to === 'refunded')) return 'restock';
  return 'none';
}
