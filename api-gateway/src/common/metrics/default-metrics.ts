import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * prom-client's process and Node metrics. The event-loop delay histogram samples every 100 ms instead of the
 * default 10 ms: the 10 ms timer woke an idle process 100 times a second (strace, 2026-11-30), and a lag worth
 * alerting on lasts far longer than 100 ms.
 */
export function collectProcessMetrics(register: Registry, prefix = ''): void {
  collectDefaultMetrics({ register, prefix, eventLoopMonitoringPrecision: 100 });
}
