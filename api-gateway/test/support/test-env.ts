import * as os from 'os';
import * as path from 'path';

/** Dedicated e2e database and Redis logical DB so tests never touch dev data. */
export const TEST_DB = 'commerce_gw_test';
export const TEST_REDIS_DB = 9;
export const TEST_KEYS_DIR = path.join(os.tmpdir(), 'gw-e2e-keys');
