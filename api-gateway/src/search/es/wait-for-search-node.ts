import type { SearchClient } from './es-client';
import { describeEsError } from './es-client';

export interface WaitOptions {
  timeoutMs: number;
  pollMs: number;
  /** Called once, on the first refusal: a start that has to wait says so. */
  onWaiting?: (reason: string) => void;
}

/**
 * Resolves once the search node answers cluster health with yellow or green; rejects after
 * timeoutMs naming the last reason. For processes started beside the node (the indexer during
 * `make up`): they wait here instead of crashing into their supervisor's backoff.
 */
export async function waitForSearchNode(es: SearchClient, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let reason = '';
  let said = false;
  for (;;) {
    try {
      // ES's own wait (timeout: 1s) when the node answers but has no usable cluster state yet
      const health = await es.cluster.health({ wait_for_status: 'yellow', timeout: '1s' }, { maxRetries: 0, requestTimeout: 3000 });
      if (!health.timed_out) return;
      reason = `cluster status ${health.status}`;
    } catch (err) {
      reason = describeEsError(err);
    }
    if (Date.now() >= deadline) throw new Error(`search node not ready after ${opts.timeoutMs} ms: ${reason}`);
    if (!said) opts.onWaiting?.(reason);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs));
  }
}
