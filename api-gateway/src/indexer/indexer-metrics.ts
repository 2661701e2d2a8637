import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EventRate } from './event-rate';
import { collectProcessMetrics } from '../common/metrics/default-metrics';

/** Prometheus metrics of the indexer process (own registry, served on INDEXER_HTTP_PORT /metrics). */
export class IndexerMetrics {
  readonly registry = new Registry();
  readonly events = new Counter({
    name: 'indexer_events_total',
    help: 'CDC events consumed, by table (rate() of it = events/s)',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  readonly lag = new Gauge({
    name: 'indexer_consumer_lag',
    help: 'Messages behind the high watermark, by topic and partition',
    labelNames: ['topic', 'partition'] as const,
    registers: [this.registry],
  });
  readonly freshness = new Histogram({
    name: 'indexer_freshness_seconds',
    help: 'now - source commit time (source.ts_ms) when the change became searchable',
    buckets: [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly dlq = new Counter({
    name: 'indexer_dlq_messages_total',
    help: 'Messages sent to the dead-letter topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  readonly documents = new Counter({
    name: 'indexer_documents_total',
    help: 'Documents sent to _bulk, by result (written, stale = already newer, rejected)',
    labelNames: ['index', 'result'] as const,
    registers: [this.registry],
  });
  readonly batchSeconds = new Histogram({
    name: 'indexer_batch_duration_seconds',
    help: 'Time to apply one batch (read PostgreSQL, _bulk, Redis invalidation)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });
  readonly phaseSeconds = new Histogram({
    name: 'indexer_phase_duration_seconds',
    help: 'Time per phase of a batch: read (PostgreSQL re-read), bulk (_bulk), refresh, invalidate (Redis)',
    labelNames: ['phase'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [this.registry],
  });
  readonly unmapped = new Counter({
    name: 'indexer_unmapped_events_total',
    help: 'Events that name no product (image deletes without product_id under REPLICA IDENTITY DEFAULT)',
    registers: [this.registry],
  });

  /** Events/s over the last minute and the last event's time, served as JSON on /stats (the gateway's ops endpoint). */
  readonly activity = new EventRate(60);

  constructor() {
    collectProcessMetrics(this.registry, 'indexer_');
  }
}
