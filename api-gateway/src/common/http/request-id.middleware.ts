import { randomUUID } from 'crypto';
import type { NextFunction, Response } from 'express';
import type { GatewayRequest } from './request-context';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes X-Request-Id when it is sane, else generates one; echoes it on the response. */
export function requestIdMiddleware(req: GatewayRequest, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  req.startAt = process.hrtime.bigint();
  res.setHeader('X-Request-Id', id);
  next();
}
