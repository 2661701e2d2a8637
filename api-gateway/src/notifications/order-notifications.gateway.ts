import { Logger } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/guards/jwt-auth.guard';
import type { AuthenticatedUser } from '../common/http/request-context';
import type { OrderEventMessage } from '../events/order-events';
import { ADMINS_ROOM, routeOrderEvent, userRoom } from './order-event-routing';

/**
 * Live order updates at /socket.io. The handshake must carry the same access token as the REST
 * API (`auth: { token }` or an Authorization: Bearer header); it is verified exactly like the HTTP
 * guard does (signature, denylist, token version, disabled user). Each socket joins its user room,
 * admins also the admins room.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class OrderNotificationsGateway implements OnGatewayInit {
  private readonly logger = new Logger(OrderNotificationsGateway.name);
  @WebSocketServer() server: Server;

  constructor(private readonly auth: AuthService) {}

  afterInit(server: Server): void {
    server.use((socket: Socket, next: (err?: Error) => void) => {
      const fromAuth = typeof socket.handshake.auth?.token === 'string' ? (socket.handshake.auth.token as string).replace(/^Bearer\s+/i, '') : undefined;
      const token = fromAuth ?? bearerToken(socket.handshake.headers.authorization);
      if (!token) return next(new Error('unauthorized: missing access token'));
      this.auth.authenticate(token).then(
        (user: AuthenticatedUser) => {
          socket.data.user = user;
          void socket.join(userRoom(user.id));
          if (user.role === 'admin') void socket.join(ADMINS_ROOM);
          next();
        },
        () => next(new Error('unauthorized: invalid access token')),
      );
    });
  }

  deliver(message: OrderEventMessage): void {
    for (const d of routeOrderEvent(message)) this.server.to(d.room).emit(d.event, message);
  }
}
