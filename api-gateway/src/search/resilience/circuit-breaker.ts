export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe request is let through (half-open). */
  openMs: number;
  /** Clock (tests). */
  now?: () => number;
}

/**
 * Circuit breaker in front of the search node.
 *
 * - closed: every request goes to the node; `failureThreshold` consecutive failures open it.
 * - open: no request goes to the node (callers serve the fallback at once, so a dead node adds no
 *   latency) until `openMs` have passed.
 * - half-open: exactly one probe request goes to the node; its success closes the circuit, its
 *   failure opens it again for another `openMs`. Concurrent requests keep using the fallback.
 *
 * Usage: `if (breaker.tryAcquire()) { try { …; breaker.success() } catch { breaker.failure() } }`.
 * A request that was let through must report exactly one outcome.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The state as of now (an expired open period reads as half-open). */
  get current(): BreakerState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.openMs) return 'half-open';
    return this.state;
  }

  /** Consecutive failures counted so far (closed state). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** True when the caller may send this request to the node. */
  tryAcquire(): boolean {
    const state = this.current;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.state = 'half-open';
    this.probing = true;
    return true;
  }

  success(): void {
    this.state = 'closed';
    this.failures = 0;
    this.probing = false;
  }

  failure(): void {
    this.probing = false;
    if (this.state === 'half-open') return this.open();
    this.failures++;
    if (this.failures >= this.options.failureThreshold) this.open();
  }

  /** Seconds until a probe may be sent again (0 when closed). */
  retryAfterSeconds(): number {
    if (this.state === 'closed') return 0;
    const left = this.options.openMs - (this.now() - this.openedAt);
    return Math.max(1, Math.ceil(left / 1000));
  }

  private open(): void {
    this.state = 'open';
    this.openedAt = this.now();
    this.failures = 0;
  }
}

/**
 * Runs `call` against the node through the breaker. When the breaker is open, or the call fails
 * because the node is unreachable/failing (`isFailure`), `unavailable` answers instead (fallback or
 * a 503); other errors (answers of a live node, e.g. a 400) pass through and count as success.
 */
export async function throughBreaker<T>(
  breaker: CircuitBreaker,
  isFailure: (err: unknown) => boolean,
  call: () => Promise<T>,
  unavailable: (err?: unknown) => Promise<T>,
): Promise<T> {
  if (!breaker.tryAcquire()) return unavailable();
  let result: T;
  try {
    result = await call();
  } catch (err) {
    if (!isFailure(err)) {
      breaker.success();
      throw err;
    }
    breaker.failure();
    return unavailable(err);
  }
  breaker.success();
  return result;
}
