import { ADMINS_ROOM, routeOrderEvent, userRoom } from './order-event-routing';

describe('routeOrderEvent', () => {
  it('sends new orders to admins and to their owner only', () => {
    expect(routeOrderEvent({ type: 'order.created', userId: '7' })).toEqual([
      { room: ADMINS_ROOM, event: 'order.created' },
      { room: 'user:7', event: 'order.created' },
    ]);
  });

  it('sends status changes to the owner only', () => {
    const rooms = routeOrderEvent({ type: 'order.status_changed', userId: '7' }).map((d) => d.room);
    expect(rooms).toEqual([userRoom(7)]);
    expect(rooms).not.toContain(ADMINS_ROOM);
  });

  it('does not forward the payment-specific events (status_changed covers them)', () => {
    expect(routeOrderEvent({ type: 'order.paid', userId: '7' })).toEqual([]);
    expect(routeOrderEvent({ type: 'order.payment_failed', userId: '7' })).toEqual([]);
  });
});
