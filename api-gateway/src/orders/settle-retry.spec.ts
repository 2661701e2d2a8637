import { retryWhileDbUnavailable } from './settle-retry';

const down = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('retryWhileDbUnavailable', () => {
  let clock: number;
  const sleep = async (ms: number) => {
    clock += ms;
  };
  const now = () => clock;
  beforeEach(() => (clock = 0));

  it('retries while the database is unreachable, then returns what the attempt returns', async () => {
    const attempts: number[] = [];
    const result = await retryWhileDbUnavailable(
      async (n) => {
        attempts.push(n);
        if (n < 4) throw down();
        return 'settled';
      },
      30_000,
      sleep,
      now,
    );
    expect(result).toBe('settled');
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(clock).toBe(200 + 400 + 800);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const conflict = new Error('Order expired before its payment completed');
    await expect(
      retryWhileDbUnavailable(
        async () => {
          calls++;
          throw conflict;
        },
        30_000,
        sleep,
        now,
      ),
    ).rejects.toBe(conflict);
    expect(calls).toBe(1);
  });

  it('gives up at the deadline with the last error', async () => {
    let calls = 0;
    await expect(
      retryWhileDbUnavailable(
        async () => {
          calls++;
          throw down();
        },
        5_000,
        sleep,
        now,
      ),
    ).rejects.toMatchObject({ code: '57P01' });
    expect(clock).toBeLessThanOrEqual(5_000);
    expect(calls).toBe(6); // slept 200 + 400 + 800 + 1600 + 2000 = 5 s; the next 2000 would pass the deadline
  });
});
