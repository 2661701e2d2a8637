import express, { NextFunction, Response } from 'express';
import { sendError } from '../errors/error-body';
import type { GatewayRequest } from './request-context';

/** JSON body parser with a size limit; 413 / 400 in the API error shape (it runs before Nest's filters). */
export function jsonBody(limit: string) {
  const parser = express.json({ limit });
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    parser(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number; limit?: number };
      if (e.type === 'entity.too.large') return sendError(req, res, 413, `Request body exceeds the ${limit} limit`);
      if (e.type === 'entity.parse.failed')
        return sendError(req, res, 400, 'Malformed JSON body', [{ field: 'body', message: 'is not valid JSON' }]);
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      return sendError(req, res, status, 'Unreadable request body');
    });
  };
}
