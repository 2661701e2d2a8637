// The soak's leak rule (runtime/faults/memory.mjs): warm-up growth passes, growth that goes on fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leaking, memoryTrend } from '../faults/memory.mjs';

const SOAK_S = 600;
const series = (mbAt) => Array.from({ length: 41 }, (_, i) => ({ s: i * 15, mem: { gw: { pid: 1, mb: mbAt(i * 15) } } }));

test('growth that levels off after warm-up is not a leak', () => {
  const t = memoryTrend(series((s) => Math.min(260, 110 + s)), SOAK_S).gw; // +150 MB in 150 s, then flat
  assert.equal(t.growthMb, 0);
  assert.equal(leaking(t), false);
});

test('steady growth through the second half is a leak', () => {
  const t = memoryTrend(series((s) => 110 + s / 3), SOAK_S).gw; // +20 MB a minute
  assert.ok(t.growthMb > 60, `growth ${t.growthMb}`);
  assert.equal(leaking(t), true);
});

test('a GC sawtooth of ±30 MB on a flat process is not a leak', () => {
  const t = memoryTrend(series((s) => 200 + ((s / 15) % 2 ? 30 : -30)), SOAK_S).gw;
  assert.equal(leaking(t), false);
});

test('a process without samples in a window gives no verdict', () => {
  const t = memoryTrend([{ s: 0, mem: { gw: { pid: 1, mb: 100 } } }], SOAK_S).gw;
  assert.deepEqual(t, {});
  assert.equal(leaking(t), false);
});
