import { MAX_CHECKS, pollDelays } from './poll-schedule';

describe('pollDelays', () => {
  it('backs off exponentially up to 500 ms', () => {
    expect(pollDelays(5_000).slice(0, 7)).toEqual([25, 50, 100, 200, 400, 500, 500]);
  });
  it('never plans more than MAX_CHECKS index queries nor waits past the timeout', () => {
    for (const timeout of [0, 100, 1_000, 5_000, 30_000]) {
      const delays = pollDelays(timeout);
      expect(delays.length + 1).toBeLessThanOrEqual(MAX_CHECKS);
      expect(delays.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(timeout);
    }
    expect(pollDelays(30_000)).toHaveLength(MAX_CHECKS - 1);
    expect(pollDelays(0)).toEqual([]);
  });
});
