import type { Request } from 'express';

export interface AuthenticatedUser {
  id: number;
  role: 'customer' | 'admin';
  jti: string;
  sid?: string;
  exp: number;
}

/** A verified service API key (src/api-keys); logged by id and prefix, never the key. */
export interface AuthenticatedApiKey {
  id: number;
  prefix: string;
  scopes: string[];
}

/** Express request as seen by the gateway: request id set first, user set by the auth guard, apiKey by the API-key guard. */
export type GatewayRequest = Request & { id: string; user?: AuthenticatedUser; apiKey?: AuthenticatedApiKey; startAt?: bigint };
