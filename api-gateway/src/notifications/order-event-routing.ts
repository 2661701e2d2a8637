import type { OrderEventMessage } from '../events/order-events';

export const ADMINS_ROOM = 'admins';
export const userRoom = (userId: string | number) => `user:${userId}`;

export interface Delivery {
  room: string;
  event: 'order.created' | 'order.status_changed';
}

/**
 * Who sees what: a customer gets only their own orders' events (their user room); admins get
 * every new order. Nothing is ever broadcast to all sockets.
 */
export function routeOrderEvent(message: Pick<OrderEventMessage, 'type' | 'userId'>): Delivery[] {
  switch (message.type) {
    case 'order.created':
      return [
        { room: ADMINS_ROOM, event: 'order.created' },
        { room: userRoom(message.userId), event: 'order.created' },
      ];
    case 'order.status_changed':
      return [{ room: userRoom(message.userId), event: 'order.status_changed' }];
    default:
      return [];
  }
}
