/**
 * Events per second over the last `windowSeconds` (per-second buckets, O(window) memory) and the
 * time of the last event: what the ops endpoint shows as indexer throughput and last-event age.
 */
export class EventRate {
  private readonly buckets: number[];
  private readonly stamps: number[];
  private total = 0;
  private last: number | null = null;

  constructor(readonly windowSeconds = 60) {
    this.buckets = new Array<number>(windowSeconds).fill(0);
    this.stamps = new Array<number>(windowSeconds).fill(-1);
  }

  record(count: number, nowMs = Date.now()): void {
    if (count <= 0) return;
    const second = Math.floor(nowMs / 1000);
    const i = second % this.windowSeconds;
    if (this.stamps[i] !== second) {
      this.stamps[i] = second;
      this.buckets[i] = 0;
    }
    this.buckets[i] += count;
    this.total += count;
    this.last = nowMs;
  }

  snapshot(nowMs = Date.now()): {
    eventsTotal: number;
    eventsPerSecond: number;
    windowSeconds: number;
    lastEventAt: string | null;
    lastEventAgeSeconds: number | null;
  } {
    const second = Math.floor(nowMs / 1000);
    let inWindow = 0;
    for (let i = 0; i < this.windowSeconds; i++) {
      if (this.stamps[i] > second - this.windowSeconds && this.stamps[i] <= second) inWindow += this.buckets[i];
    }
    return {
      eventsTotal: this.total,
      eventsPerSecond: Math.round((inWindow / this.windowSeconds) * 100) / 100,
      windowSeconds: this.windowSeconds,
      lastEventAt: this.last === null ? null : new Date(this.last).toISOString(),
      lastEventAgeSeconds: this.last === null ? null : Math.max(0, Math.round((nowMs - this.last) / 100) / 10),
    };
  }
}
