// Adds up the per-suite result files of `make test` into one closing line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const f of readdirSync(dir)) {
  if (!statSync(join(dir, f)).isFile()) continue; // e.g. a folder of screenshots
  const text = readFileSync(join(dir, f), 'utf8');
  if (f.endsWith('.jest.json')) {
    const r = JSON.parse(text);
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    skipped += r.numPendingTests + r.numTodoTests;
  } else if (f.endsWith('.tap')) {
    const n = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [0, 0])[1]);
    passed += n('pass'); failed += n('fail') + n('cancelled'); skipped += n('skipped') + n('todo');
  } else if (f.endsWith('.junit.xml')) {
    const a = (k) => Number((text.match(new RegExp(`<testsuite [^>]*${k}="(\\d+)"`)) ?? [0, 0])[1]);
    const tests = a('tests'), bad = a('failures') + a('errors'), skip = a('skipped');
    passed += tests - bad - skip; failed += bad; skipped += skip;
  } else if (f.endsWith('.count')) {
    const [p, fl] = text.trim().split(/\s+/).map(Number);
    passed += p; failed += fl;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
