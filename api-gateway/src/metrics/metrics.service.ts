import { Injectable } from '@nestjs/common';
import { Histogram, Registry } from 'prom-client';
import { collectProcessMetrics } from '../common/metrics/default-metrics';

/** Own registry per app instance (tests create several apps in one process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectProcessMetrics(this.registry);
  }
}
