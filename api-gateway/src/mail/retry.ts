export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/** Delay before retry n (1-based): base * 2^(n-1), capped. */
export function backoffDelay(retry: number, baseMs: number, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** (retry - 1));
}

/** Runs fn until it resolves or `attempts` calls have failed (then rethrows the last error). */
export async function retryWithBackoff<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastError: unknown;
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      lastError = err;
      if (attempt === o.attempts) break;
      const delay = backoffDelay(attempt, o.baseMs, o.maxMs);
      o.onRetry?.(attempt, delay, err);
      await sleep(delay);
    }
  }
  throw lastError;
}
