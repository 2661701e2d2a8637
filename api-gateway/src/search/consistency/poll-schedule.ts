/** First wait after an unapplied check; doubles up to MAX_DELAY_MS. */
export const FIRST_DELAY_MS = 25;
export const MAX_DELAY_MS = 500;
/** Hard cap on index queries per request, whatever the timeout (issue 9, F5: a future token cost 142 queries). */
export const MAX_CHECKS = 12;

/**
 * Waits between index checks within `timeoutMs`: 25, 50, 100, 200, 400, 500, 500… ms, at most
 * MAX_CHECKS checks in all. A fresh write is usually applied within the first few (CDC ~100 ms).
 */
export function pollDelays(timeoutMs: number): number[] {
  const delays: number[] = [];
  let total = 0;
  let next = FIRST_DELAY_MS;
  while (delays.length < MAX_CHECKS - 1 && total + next <= timeoutMs) {
    delays.push(next);
    total += next;
    next = Math.min(next * 2, MAX_DELAY_MS);
  }
  return delays;
}
