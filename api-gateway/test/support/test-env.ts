import * as os from 'os';
import * as path from 'path';

/**
 * Every e2e run gets its own database (commerce_gw_test_<pid>_<rand>, created and migrated by
 * global-setup.ts, dropped by global-teardown.ts) and its own Redis key prefix in logical DB 9,
 * so concurrent runs by several engineers never see each other's data.
 */
export const TEST_DB_PREFIX = 'commerce_gw_test_';
export const TEST_DB = process.env.GW_TEST_DB ?? 'commerce_gw_test';
export const TEST_REDIS_DB = 9;
export const TEST_REDIS_PREFIX = process.env.GW_TEST_REDIS_PREFIX ?? 'gwtest:';
export const TEST_KEYS_DIR = path.join(os.tmpdir(), 'gw-e2e-keys');
