import type { NextFunction, Response } from 'express';
import type { IncomingHttpHeaders } from 'http';
import { sendError } from '../errors/error-body';
import type { GatewayRequest } from './request-context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origin of the request's Origin header, else of its Referer; undefined when neither is usable. */
export function requestOrigin(headers: IncomingHttpHeaders): string | undefined {
  const origin = headers.origin;
  if (origin && origin !== 'null') return origin.toLowerCase();
  const referer = headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request that carries no
 * Authorization header but does carry (or asks for) our auth cookies must come from one of the
 * platform's own origins (Origin, else Referer). Bearer and API-key requests are exempt: a browser
 * never attaches those by itself. `cookieAuth` tells whether a request is cookie-authenticated.
 */
export function csrfOriginCheck(allowedOrigins: string[], cookieAuth: (headers: IncomingHttpHeaders) => boolean) {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization || !cookieAuth(req.headers)) return next();
    const origin = requestOrigin(req.headers);
    if (origin && allowed.has(origin)) return next();
    sendError(
      req,
      res,
      403,
      origin
        ? `Cross-site request refused: origin ${origin} is not allowed`
        : 'Cross-site request refused: Origin or Referer required with cookie authentication',
      [{ field: 'origin', message: 'must be one of the platform origins (PUBLIC_ORIGIN)' }],
    );
  };
}
