import type { NextFunction, Response } from 'express';
import type { Histogram } from 'prom-client';
import type { GatewayRequest } from '../common/http/request-context';
import type { MetricsService } from './metrics.service';

/** Route template (/api/products/:id), never the raw URL, to keep label cardinality bounded. */
export function routeTemplate(req: GatewayRequest): string {
  const p = (req.route as { path?: unknown } | undefined)?.path;
  return typeof p === 'string' ? `${req.baseUrl ?? ''}${p}` : 'unmatched';
}

/**
 * Observes every request's duration under (method, route template, status). The labelled series are
 * looked up once per combination (prom-client hashes the label object on every labelled call).
 */
export function metricsMiddleware(metrics: MetricsService) {
  const series = new Map<string, Histogram.Internal<'method' | 'route' | 'status'>>();
  const seriesOf = (method: string, route: string, status: string) => {
    const key = `${method} ${status} ${route}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = metrics.httpDuration.labels(method, route, status)));
    return s;
  };
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      seriesOf(req.method, routeTemplate(req), String(res.statusCode)).observe(Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  };
}
