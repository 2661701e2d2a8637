import { RefreshCoalescer } from './refresh-coalescer';

/** A refresh we finish by hand, recording when each one started. */
function manualRefresh() {
  const started: Array<() => void> = [];
  const failing: Array<(e: Error) => void> = [];
  const refresh = () =>
    new Promise<void>((resolve, reject) => {
      started.push(resolve);
      failing.push(reject);
    });
  return { started, failing, refresh };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('RefreshCoalescer', () => {
  it('starts a refresh at once when none is running', async () => {
    const m = manualRefresh();
    const c = new RefreshCoalescer(m.refresh);
    const done = c.request();
    expect(m.started).toHaveLength(1);
    m.started[0]();
    await expect(done).resolves.toBeUndefined();
  });

  it('serves every caller that arrives during a refresh with one shared follow-up refresh', async () => {
    const m = manualRefresh();
    const c = new RefreshCoalescer(m.refresh);
    const first = c.request();
    const waiting = [c.request(), c.request(), c.request()];
    let settled = 0;
    for (const w of waiting) void w.then(() => settled++);
    m.started[0]();
    await first;
    await tick();
    expect(m.started).toHaveLength(2); // one follow-up for the three, not three
    expect(settled).toBe(0); // the first refresh may predate their writes: they wait for the follow-up
    m.started[1]();
    await Promise.all(waiting);
    expect(m.started).toHaveLength(2);
  });

  it('passes a failure to the callers of that refresh and recovers for the next ones', async () => {
    const m = manualRefresh();
    const c = new RefreshCoalescer(m.refresh);
    const failed = c.request();
    m.failing[0](new Error('es down'));
    await expect(failed).rejects.toThrow('es down');
    const next = c.request();
    expect(m.started).toHaveLength(2);
    m.started[1]();
    await expect(next).resolves.toBeUndefined();
  });
});
