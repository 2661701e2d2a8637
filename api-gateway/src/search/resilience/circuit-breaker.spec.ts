import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let t = 0;
  const make = (failureThreshold = 3, openMs = 5000) => new CircuitBreaker({ failureThreshold, openMs, now: () => t });
  beforeEach(() => (t = 1_000_000));

  it('stays closed below the threshold; a success resets the count', () => {
    const b = make(3);
    b.failure();
    b.failure();
    expect(b.current).toBe('closed');
    b.success();
    b.failure();
    b.failure();
    expect(b.current).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });

  it('opens after N consecutive failures and lets nothing through while open', () => {
    const b = make(3, 5000);
    for (let i = 0; i < 3; i++) {
      expect(b.tryAcquire()).toBe(true);
      b.failure();
    }
    expect(b.current).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    t += 4999;
    expect(b.tryAcquire()).toBe(false);
    expect(b.retryAfterSeconds()).toBe(1);
  });

  it('half-open after openMs: exactly one probe; its success closes', () => {
    const b = make(1, 5000);
    b.failure();
    t += 5000;
    expect(b.current).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false); // concurrent requests keep using the fallback
    b.success();
    expect(b.current).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    expect(b.retryAfterSeconds()).toBe(0);
  });

  it('a failed probe opens again for a full period', () => {
    const b = make(2, 1000);
    b.failure();
    b.failure();
    t += 1000;
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.current).toBe('open');
    expect(b.retryAfterSeconds()).toBe(1);
    t += 999;
    expect(b.tryAcquire()).toBe(false);
    t += 1;
    expect(b.tryAcquire()).toBe(true);
  });

  it('reports Retry-After as whole seconds left of the open period', () => {
    const b = make(1, 10_000);
    b.failure();
    expect(b.retryAfterSeconds()).toBe(10);
    t += 2500;
    expect(b.retryAfterSeconds()).toBe(8);
  });
});
