import type { AddressInfo } from 'net';
import { io, Socket } from 'socket.io-client';
import { startApp, TestContext } from './test-app';

/** The platform origin the socket specs run with (PUBLIC_ORIGIN; CORS and CSRF accept only it). */
export const PLATFORM_ORIGIN = 'http://localhost:8080';

export interface ConnectedSocket {
  socket: Socket;
  /** Resolves with the disconnect reason. */
  closed: Promise<string>;
}

export interface LiveApp {
  ctx: TestContext;
  /** http://127.0.0.1:<port> of the listening app. */
  url: string;
  /** A Socket.IO client (websocket, no reconnection); resolves once connected, rejects on connect_error. */
  connect: (opts: { token?: string; headers?: Record<string, string> }) => Promise<ConnectedSocket>;
  /** Disconnects every socket opened through `connect`, then closes the app and its clients. */
  close: () => Promise<void>;
}

/**
 * The real app (startApp: real PostgreSQL + Redis) listening on a loopback port, with
 * PUBLIC_ORIGIN = PLATFORM_ORIGIN, for specs that talk to it through Socket.IO.
 */
export async function startLiveApp(overrides: Record<string, string> = {}): Promise<LiveApp> {
  const ctx = await startApp({ PUBLIC_ORIGIN: PLATFORM_ORIGIN, ...overrides });
  await ctx.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
  const sockets: Socket[] = [];

  function connect(opts: { token?: string; headers?: Record<string, string> }): Promise<ConnectedSocket> {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: opts.token ? { token: opts.token } : {},
      extraHeaders: opts.headers,
    });
    sockets.push(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve({ socket, closed }));
      socket.once('connect_error', (err) => reject(err));
    });
  }

  return {
    ctx,
    url,
    connect,
    close: async () => {
      for (const s of sockets) s.disconnect();
      await ctx.close();
    },
  };
}

/** `p`, or a rejection naming `what` if it has not settled within `ms`. */
export const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms))]);
