import type { SearchClient } from './es-client';
import { waitForSearchNode } from './wait-for-search-node';

/** Answers of cluster.health in order: an Error is thrown (connection refused), an object returned. */
function node(answers: Array<Error | { status: string; timed_out: boolean }>) {
  let calls = 0;
  const es = {
    cluster: {
      health: async () => {
        const a = answers[Math.min(calls++, answers.length - 1)];
        if (a instanceof Error) throw a;
        return a;
      },
    },
  };
  return { es: es as unknown as SearchClient, calls: () => calls };
}

describe('waitForSearchNode', () => {
  it('waits through refused connections and a red cluster, then resolves on yellow', async () => {
    const n = node([new Error('connect ECONNREFUSED'), { status: 'red', timed_out: true }, { status: 'yellow', timed_out: false }]);
    const waiting: string[] = [];
    await waitForSearchNode(n.es, { timeoutMs: 5_000, pollMs: 1, onWaiting: (r) => waiting.push(r) });
    expect(n.calls()).toBe(3);
    expect(waiting).toEqual(['connect ECONNREFUSED']); // said once
  });

  it('gives up after the timeout naming the last reason', async () => {
    const n = node([new Error('connect ECONNREFUSED')]);
    await expect(waitForSearchNode(n.es, { timeoutMs: 30, pollMs: 5 })).rejects.toThrow(/not ready after 30 ms: connect ECONNREFUSED/);
    expect(n.calls()).toBeGreaterThan(1);
  });
});
