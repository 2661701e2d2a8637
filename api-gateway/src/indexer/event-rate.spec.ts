import { EventRate } from './event-rate';

describe('EventRate', () => {
  const t0 = Date.parse('2026-11-30T10:00:00Z');

  it('nothing yet: zero rate, no last event', () => {
    expect(new EventRate(60).snapshot(t0)).toEqual({
      eventsTotal: 0,
      eventsPerSecond: 0,
      windowSeconds: 60,
      lastEventAt: null,
      lastEventAgeSeconds: null,
    });
  });

  it('averages the events of the last window and ages the last event', () => {
    const r = new EventRate(10);
    r.record(30, t0);
    r.record(20, t0 + 4_500);
    const s = r.snapshot(t0 + 6_000);
    expect(s.eventsTotal).toBe(50);
    expect(s.eventsPerSecond).toBe(5);
    expect(s.lastEventAt).toBe(new Date(t0 + 4_500).toISOString());
    expect(s.lastEventAgeSeconds).toBe(1.5);
  });

  it('forgets events older than the window, even when a bucket is reused', () => {
    const r = new EventRate(10);
    r.record(100, t0);
    r.record(1, t0 + 10_000); // same bucket index, a new second
    expect(r.snapshot(t0 + 10_500).eventsPerSecond).toBe(0.1);
    expect(r.snapshot(t0 + 30_000).eventsPerSecond).toBe(0);
    expect(r.snapshot(t0 + 30_000).eventsTotal).toBe(101);
  });
});
