import type { NextFunction, Response } from 'express';
import type { GatewayRequest } from '../common/http/request-context';
import type { MetricsService } from './metrics.service';

/** Route template (/api/products/:id), never the raw URL, to keep label cardinality bounded. */
export function routeTemplate(req: GatewayRequest): string {
  const p = (req.route as { path?: unknown } | undefined)?.path;
  return typeof p === 'string' ? `${req.baseUrl ?? ''}${p}` : 'unmatched';
}

export function metricsMiddleware(metrics: MetricsService) {
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => end({ method: req.method, route: routeTemplate(req), status: String(res.statusCode) }));
    next();
  };
}
