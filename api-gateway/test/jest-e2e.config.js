// E2E / integration tests: real PostgreSQL, Redis, Kafka, Elasticsearch (never mocked).
// Same TypeScript/jose transform, extensions and environment as the unit tests (../jest.config.js).
const { transform, transformIgnorePatterns, moduleFileExtensions, testEnvironment } = require('../jest.config.js');

module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.e2e-spec\\.ts$',
  transform,
  transformIgnorePatterns,
  moduleFileExtensions,
  testEnvironment,
  testTimeout: 60000,
  // gateway: a per-run database (commerce_gw_test_<pid>_<rand>) migrated with src/database migrations
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
