import * as fs from 'fs';
import * as path from 'path';
import { FIXED_WINDOW_SCRIPT, FIXED_WINDOW_SCRIPT_FILE } from './fixed-window';

describe('FIXED_WINDOW_SCRIPT', () => {
  it('is fixed-window.lua beside the module, resolved through src/ (so dist/ finds it too)', () => {
    expect(FIXED_WINDOW_SCRIPT_FILE).toBe(path.join(__dirname, 'fixed-window.lua'));
    expect(FIXED_WINDOW_SCRIPT).toBe(fs.readFileSync(path.join(__dirname, 'fixed-window.lua'), 'utf8'));
    expect(FIXED_WINDOW_SCRIPT).toMatch(/^local hitsKey = KEYS\[1\]$/m);
    expect(FIXED_WINDOW_SCRIPT).toMatch(/^return \{hits, hitsTtl, 0\}\n$/m);
  });
});
