import { isDbUnavailable } from '../common/errors/db-error.mapper';

const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 2_000;

/**
 * Runs `attempt` (1, 2, ...) again while PostgreSQL is unreachable, until `deadlineMs` has passed.
 * For the settlement after the charge: the money has moved (or the decline is final), so a database
 * restart must not leave the order pending with its stock reserved until the reaper, while the
 * client's retry with the same Idempotency-Key can only answer 409 "still being processed".
 * Any other error, or one after the deadline, is thrown as it is.
 */
export async function retryWhileDbUnavailable<T>(
  attempt: (n: number) => Promise<T>,
  deadlineMs: number,
  sleep: (ms: number) => Promise<unknown> = (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => number = Date.now,
): Promise<T> {
  const deadline = now() + deadlineMs;
  let delay = FIRST_DELAY_MS;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!isDbUnavailable(err) || now() + delay > deadline) throw err;
      await sleep(delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
