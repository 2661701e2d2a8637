import { ConflictException } from '@nestjs/common';
import { assertTransition, canTransition, ORDER_STATUSES, stateMachine, stockEffect } from './order-status';

describe('order state machine', () => {
  it('allows the happy path', () => {
    expect(canTransition('pending', 'paid')).toBe(true);
    expect(canTransition('paid', 'shipped')).toBe(true);
    expect(canTransition('shipped', 'delivered')).toBe(true);
    expect(canTransition('delivered', 'refunded')).toBe(true);
  });

  it('rejects skipping and going back', () => {
    expect(canTransition('pending', 'shipped')).toBe(false);
    expect(canTransition('delivered', 'shipped')).toBe(false);
    expect(canTransition('paid', 'pending')).toBe(false);
  });

  it('has no way out of terminal states', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('cancelled', to)).toBe(false);
      expect(canTransition('refunded', to)).toBe(false);
      expect(canTransition('payment_failed', to)).toBe(false);
    }
  });

  it('throws 409 naming the states', () => {
    expect(() => assertTransition('shipped', 'paid')).toThrow(ConflictException);
    expect(() => assertTransition('shipped', 'paid')).toThrow(/shipped -> paid/);
    expect(() => assertTransition('paid', 'shipped')).not.toThrow();
  });

  it('knows what a transition does to stock', () => {
    expect(stockEffect('pending', 'cancelled')).toBe('release-reservation');
    expect(stockEffect('paid', 'cancelled')).toBe('restock');
    expect(stockEffect('paid', 'refunded')).toBe('restock');
    expect(stockEffect('paid', 'shipped')).toBe('none');
    expect(stockEffect('delivered', 'refunded')).toBe('none');
  });
});

describe('stateMachine() (what the admin reads)', () => {
  it('lists exactly the moves canTransition allows, for every pair of states', () => {
    const machine = stateMachine();
    expect(machine.statuses).toEqual(ORDER_STATUSES);
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        expect([from, to, machine.transitions[from].includes(to)]).toEqual([from, to, canTransition(from, to)]);
      }
    }
  });

  it('manual targets exclude the payment outcomes', () => {
    expect([...stateMachine().manualTargets].sort()).toEqual(['cancelled', 'delivered', 'refunded', 'shipped']);
  });
});
