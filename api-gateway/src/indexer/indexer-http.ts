import * as http from 'http';
import type { IndexerMetrics } from './indexer-metrics';

/** Tiny HTTP endpoint of the indexer process: GET /health (200 when consuming), GET /metrics (Prometheus) and GET /stats (JSON for the ops endpoint). */
export function startIndexerHttp(port: number, metrics: IndexerMetrics, isHealthy: () => boolean): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (url === '/health' || url === '/health/ready' || url === '/health/live')) {
      const ok = url === '/health/live' || isHealthy();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'starting' }));
      return;
    }
    if (req.method === 'GET' && url === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ running: isHealthy(), ...metrics.activity.snapshot() }));
      return;
    }
    if (req.method === 'GET' && url === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: `${req.method} ${url}` }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
