import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'http';
import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO server limited to the platform's own origins (PUBLIC_ORIGIN): CORS allows only them,
 * and a handshake whose Origin header names another site is refused, which also blocks cross-site
 * WebSocket hijacking with the access_token cookie. Clients that send no Origin (not browsers) pass.
 */
export class OriginRestrictedIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    const allowed = new Set(this.origins.map((o) => o.toLowerCase()));
    return super.createIOServer(port, {
      ...options,
      cors: { origin: [...allowed], credentials: true },
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
        const origin = req.headers.origin;
        callback(null, !origin || allowed.has(origin.toLowerCase()));
      },
    } as ServerOptions);
  }
}
