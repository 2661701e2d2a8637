import { io, Socket } from 'socket.io-client';
import { refreshSession } from './api';

/**
 * Live order updates: the gateway's Socket.IO channel (same origin, /socket.io). The handshake
 * carries the HttpOnly access_token cookie; the server puts the socket in the user's room and emits
 * `order.created` / `order.status_changed` for their orders only. The server drops a socket when
 * its token expires: we refresh the cookie session and reconnect.
 */
export interface OrderEvent { orderId: string; orderNumber: string; status: string; previousStatus: string | null; occurredAt: string }
type Handler = (e: OrderEvent) => void;
type StateHandler = (connected: boolean) => void;

let socket: Socket | null = null;
const handlers = new Set<Handler>();
const stateHandlers = new Set<StateHandler>();

function connect(): Socket {
  const s = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true, reconnectionDelayMax: 5000 });
  const emitState = (up: boolean) => { for (const fn of stateHandlers) fn(up); };
  s.on('connect', () => emitState(true));
  s.on('disconnect', async (reason) => {
    emitState(false);
    // server-side disconnects (token expired, revoked) are not retried by the client on its own
    if (reason === 'io server disconnect' && handlers.size && (await refreshSession())) s.connect();
  });
  s.on('connect_error', async () => {
    emitState(false);
    if (!s.active && handlers.size && (await refreshSession())) s.connect();
  });
  for (const type of ['order.created', 'order.status_changed']) s.on(type, (e: OrderEvent) => { for (const fn of handlers) fn(e); });
  return s;
}

/** Subscribe while a page shows orders; the returned function unsubscribes (the socket closes with the last one). */
export function watchOrders(onEvent: Handler, onState: StateHandler): () => void {
  handlers.add(onEvent);
  stateHandlers.add(onState);
  socket ??= connect();
  if (socket.connected) onState(true);
  return () => {
    handlers.delete(onEvent);
    stateHandlers.delete(onState);
    if (!handlers.size) {
      socket?.disconnect();
      socket = null;
    }
  };
}
