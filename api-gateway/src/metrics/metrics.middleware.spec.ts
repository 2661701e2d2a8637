import { EventEmitter } from 'events';
import type { Response } from 'express';
import type { GatewayRequest } from '../common/http/request-context';
import { metricsMiddleware } from './metrics.middleware';
import { MetricsService } from './metrics.service';

function finished(mw: ReturnType<typeof metricsMiddleware>, method: string, routePath: string | undefined, status: number): void {
  const req = { method, baseUrl: '/api', route: routePath ? { path: routePath } : undefined } as unknown as GatewayRequest;
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
  mw(req, res, () => undefined);
  res.emit('finish');
}

describe('metricsMiddleware', () => {
  it('observes each finished request under method, route template and status', async () => {
    const metrics = new MetricsService();
    const mw = metricsMiddleware(metrics);
    finished(mw, 'GET', '/products/:id', 200);
    finished(mw, 'GET', '/products/:id', 200);
    finished(mw, 'GET', '/products/:id', 404);
    finished(mw, 'POST', undefined, 404);
    const counts = (await metrics.httpDuration.get()).values
      .filter((v) => v.metricName === 'http_request_duration_seconds_count')
      .map((v) => ({ ...v.labels, n: v.value }));
    expect(counts).toEqual(
      expect.arrayContaining([
        { method: 'GET', route: '/api/products/:id', status: '200', n: 2 },
        { method: 'GET', route: '/api/products/:id', status: '404', n: 1 },
        { method: 'POST', route: 'unmatched', status: '404', n: 1 },
      ]),
    );
    expect(counts).toHaveLength(3);
  });
});
