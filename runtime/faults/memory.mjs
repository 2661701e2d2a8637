// The soak's leak rule. V8 sizes its heap and the caches fill during a process's first minutes, so
// "start -> end" alone mixes warm-up with a leak. A leak at steady load keeps growing: compare the
// median of the samples around mid-soak with the median of the last fifth.
import { percentile, round } from './lib.mjs';

/** series: [{s: seconds into the soak, mem: {process: {pid, mb}}}] -> {process: {midMb, lastMb, growthMb}} */
export function memoryTrend(series, soakS) {
  const window = (lo, hi) => series.filter((x) => x.s >= lo * soakS && x.s <= hi * soakS);
  const out = {};
  for (const name of Object.keys(series[0]?.mem || {})) {
    const mbs = (xs) => xs.map((x) => x.mem[name]?.mb).filter((v) => v !== undefined);
    const mid = percentile(mbs(window(0.4, 0.6)), 50), last = percentile(mbs(window(0.8, 1)), 50);
    out[name] = Number.isFinite(mid) && Number.isFinite(last) ? { midMb: mid, lastMb: last, growthMb: round(last - mid) } : {};
  }
  return out;
}

/** Still growing in the second half by more than 40 MB and 20 % of its mid-soak size. */
export const leaking = (t) => t?.growthMb !== undefined && t.growthMb > Math.max(40, 0.2 * t.midMb);
