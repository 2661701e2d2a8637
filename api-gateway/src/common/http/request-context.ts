import type { Request } from 'express';

export interface AuthenticatedUser {
  id: number;
  role: 'customer' | 'admin';
  jti: string;
  sid?: string;
  exp: number;
}

/** Express request as seen by the gateway: request id set first, user set by the auth guard. */
export type GatewayRequest = Request & { id: string; user?: AuthenticatedUser; startAt?: bigint };
