// Static checks of the runtime's shell scripts, for mistakes that only show on a slow machine.
// wait_for DESCRIPTION TIMEOUT COMMAND... re-runs COMMAND on every poll, but a `$(…)` among its
// arguments is expanded once, before the first poll: the condition is then frozen (CI failed on it
// when the replication slot became active after the initial snapshot). Poll through a function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support.mjs';

const dirs = ['runtime', 'runtime/components', 'connectors', 'elasticsearch'];
const scripts = dirs.flatMap((d) => {
  try { return readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.sh')).map((f) => join(d, f)); } catch { return []; }
});

// a logical line: physical lines joined on trailing backslashes
function logicalLines(text) {
  const out = [];
  let cur = '', start = 0;
  text.split('\n').forEach((line, i) => {
    if (!cur) start = i + 1;
    if (line.endsWith('\\')) { cur += line.slice(0, -1) + ' '; return; }
    out.push({ n: start, text: cur + line });
    cur = '';
  });
  return out;
}

export function frozenWaitConditions(text) {
  return logicalLines(text)
    .filter(({ text: l }) => /^\s*(?:.*[;&|]\s*)?wait_for\s/.test(l) && !/^\s*#/.test(l))
    .filter(({ text: l }) => l.replace(/^.*?wait_for\s+/, '').includes('$('))
    .map(({ n }) => n);
}

test('the frozen-condition detector flags a $(…) argument and accepts a function', () => {
  assert.deepEqual(frozenWaitConditions('wait_for "x" 60 \\\n  test "$(psql -c q)" = t || fail'), [1]);
  assert.deepEqual(frozenWaitConditions('wait_for "x" 60 slot_active "$slot" || fail'), []);
  assert.deepEqual(frozenWaitConditions('# wait_for "x" 60 test "$(q)"'), []);
});

test('no wait_for in the runtime scripts polls a condition expanded once', () => {
  assert.ok(scripts.length > 10, `found only ${scripts.length} scripts`);
  const bad = scripts.flatMap((f) =>
    frozenWaitConditions(readFileSync(join(ROOT, f), 'utf8')).map((n) => `${f}:${n}`));
  assert.deepEqual(bad, [], `wait_for with a $(…) argument (evaluated once; poll a function instead): ${bad.join(', ')}`);
});
