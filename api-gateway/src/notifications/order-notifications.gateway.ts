import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import { OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import Redis from 'ioredis';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { accessTokenFrom } from '../auth/request-token';
import { Revoked, RevocationService } from '../auth/revocation.service';
import type { AuthenticatedUser } from '../common/http/request-context';
import { REDIS } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';
import type { OrderEventMessage } from '../events/order-events';
import { ADMINS_ROOM, routeOrderEvent, userRoom } from './order-event-routing';

interface SocketSession {
  user: AuthenticatedUser;
  token: string;
  expiry?: NodeJS.Timeout;
}

/** The handshake token: `auth: { token }`, else `Authorization: Bearer`, else the access_token cookie. */
function handshakeToken(socket: Socket): string | undefined {
  const fromAuth = socket.handshake.auth?.token;
  if (typeof fromAuth === 'string') return fromAuth.replace(/^Bearer\s+/i, '');
  const source = accessTokenFrom(socket.handshake.headers);
  return source.via === 'bearer' || source.via === 'cookie' ? source.token : undefined;
}

/**
 * Live order updates at /socket.io. The handshake must carry the same access token as the REST
 * API and is verified exactly like the HTTP guard (signature, denylists, token version, disabled
 * user). Each socket joins its user room, admins also the admins room. A socket lives no longer
 * than its token: it is dropped at `exp`, at once when its token or session is revoked (Redis
 * pub/sub from any gateway process), and at the next re-check (SOCKET_REVALIDATE_SECONDS) when the
 * user is disabled or their token_version bumped. Origins are restricted by OriginRestrictedIoAdapter.
 */
@WebSocketGateway({ path: '/socket.io' })
export class OrderNotificationsGateway implements OnGatewayInit, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger(OrderNotificationsGateway.name);
  @WebSocketServer() server: Server;
  private revalidation?: NodeJS.Timeout;
  private subscriber?: Redis;

  constructor(
    private readonly auth: AuthService,
    private readonly revocations: RevocationService,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  afterInit(server: Server): void {
    server.use((socket: Socket, next: (err?: Error) => void) => {
      const token = handshakeToken(socket);
      if (!token) return next(new Error('unauthorized: missing access token'));
      this.auth.authenticate(token).then(
        (user: AuthenticatedUser) => {
          const session: SocketSession = { user, token };
          socket.data.session = session;
          void socket.join(userRoom(user.id));
          if (user.role === 'admin') void socket.join(ADMINS_ROOM);
          session.expiry = setTimeout(() => this.drop(socket, 'token expired'), Math.max(0, user.exp * 1000 - Date.now()));
          next();
        },
        () => next(new Error('unauthorized: invalid access token')),
      );
    });
    this.revalidation = setInterval(() => void this.revalidate(), this.config.env.SOCKET_REVALIDATE_SECONDS * 1000);
    this.revalidation.unref();
    this.subscribe();
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout((socket.data.session as SocketSession | undefined)?.expiry);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.revalidation);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  deliver(message: OrderEventMessage): void {
    for (const d of routeOrderEvent(message)) this.server.to(d.room).emit(d.event, message);
  }

  /** Drops every socket whose token, session or user was just revoked. */
  revoked(message: Revoked): void {
    if (message.userId !== undefined) this.disconnectUser(message.userId);
    for (const socket of this.sockets()) {
      const { user } = socket.data.session as SocketSession;
      if ((message.jti && user.jti === message.jti) || (message.sid && user.sid === message.sid)) this.drop(socket, 'session revoked');
    }
  }

  /** Disconnects all of a user's sockets (the user room). */
  disconnectUser(userId: number | string): void {
    this.server.in(userRoom(userId)).disconnectSockets(true);
  }

  /** Re-checks every live socket's token: catches revocations made outside the gateway (SQL). */
  async revalidate(): Promise<void> {
    await Promise.all(
      this.sockets().map(async (socket) => {
        const session = socket.data.session as SocketSession;
        await this.auth.authenticate(session.token).catch(() => this.drop(socket, 'session revoked'));
      }),
    );
  }

  private sockets(): Socket[] {
    return [...(this.server?.of('/').sockets.values() ?? [])].filter((s) => s.data.session);
  }

  private drop(socket: Socket, reason: string): void {
    socket.emit('session.ended', { reason });
    socket.disconnect(true);
  }

  private subscribe(): void {
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined); // the main client logs connection errors
    subscriber.on('message', (_channel: string, raw: string) => {
      try {
        this.revoked(JSON.parse(raw) as Revoked);
      } catch {
        this.logger.warn('skipping a malformed revocation message');
      }
    });
    subscriber
      .subscribe(this.revocations.channel)
      .catch((err: Error) => this.logger.warn(`revocation channel not subscribed: ${err.message}`));
  }
}
