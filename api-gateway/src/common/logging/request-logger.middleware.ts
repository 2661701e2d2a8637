import type { NextFunction, Response } from 'express';
import type { Logger } from 'pino';
import type { GatewayRequest } from '../http/request-context';

/** One structured line per request, written when the response finishes. */
export function requestLogger(logger: Logger) {
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    const start = req.startAt ?? process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      logger[level](
        {
          requestId: req.id,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          route: req.route?.path ? `${req.baseUrl ?? ''}${req.route.path as string}` : undefined,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 100) / 100,
          userId: req.user?.id ?? null,
          ip: req.ip,
        },
        'request completed',
      );
    });
    next();
  };
}
