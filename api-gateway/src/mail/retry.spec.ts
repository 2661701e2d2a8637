import { backoffDelay, retryWithBackoff } from './retry';

describe('retryWithBackoff', () => {
  it('doubles the delay and caps it', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 100))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(20, 100, 5_000)).toBe(5_000);
  });

  it('retries until success, sleeping the backoff in between', async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(
      async () => {
        if (++calls < 3) throw new Error('busy');
        return 'ok';
      },
      {
        attempts: 5,
        baseMs: 10,
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(slept).toEqual([10, 20]);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          throw new Error(`fail ${++calls}`);
        },
        { attempts: 3, baseMs: 1, sleep: async () => undefined },
      ),
    ).rejects.toThrow('fail 3');
    expect(calls).toBe(3);
  });
});
