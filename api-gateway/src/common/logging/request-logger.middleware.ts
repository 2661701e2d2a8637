import type { NextFunction, Response } from 'express';
import type { Logger } from 'pino';
import type { GatewayRequest } from '../http/request-context';

/** One structured line per request, written when the response finishes. */
export function requestLogger(logger: Logger) {
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    const start = req.startAt ?? process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
      const path = req.originalUrl.split('?')[0];
      const probe = path === '/health/live' || path === '/health/ready' || path === '/metrics';
      // probes and scrapes every few seconds would drown the log: debug unless they fail
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : probe ? 'debug' : 'info';
      // below the level the line is dropped anyway; building it (req.ip walks the proxy chain) was ~3 % of a search's CPU
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          requestId: req.id,
          method: req.method,
          path,
          route: req.route?.path ? `${req.baseUrl ?? ''}${req.route.path as string}` : undefined,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 100) / 100,
          userId: req.user?.id ?? null,
          ...(req.apiKey ? { apiKeyId: req.apiKey.id, apiKeyPrefix: req.apiKey.prefix } : {}),
          ip: req.ip,
        },
        'request completed',
      );
    });
    next();
  };
}
