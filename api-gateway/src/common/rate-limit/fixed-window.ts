import * as fs from 'fs';
import * as path from 'path';

/**
 * The Redis fixed-window script (KEYS: hits, block. ARGV: window ms, limit, block ms; returns
 * [totalHits, windowTtlMs, blockTtlMs], blockTtlMs > 0 means refused). One file, fixed-window.lua,
 * also read by the admin's per-key limit (ApiKeyRateLimiter.php). tsc does not copy it to dist/: it
 * resolves from src/ and dist/ alike, and the images copy it to src/common/rate-limit/ (both
 * Dockerfiles), as src/auth/common-passwords.txt.
 */
export const FIXED_WINDOW_SCRIPT_FILE = path.resolve(__dirname, '..', '..', '..', 'src', 'common', 'rate-limit', 'fixed-window.lua');

/** Read once when the module loads: a missing file stops the process at startup, not at a request. */
export const FIXED_WINDOW_SCRIPT = fs.readFileSync(FIXED_WINDOW_SCRIPT_FILE, 'utf8');
