import Redis from 'ioredis';
import { Client } from 'pg';
import { migrate } from '../src/database/migrate';
import { readEnvFiles } from '../src/config/load-config';
import { TEST_DB, TEST_REDIS_DB } from './support/test-env';

/** Fresh database for the gateway e2e run (never the shared dev DB), migrated by the schema owner's migrations. */
export default async function globalSetup(): Promise<void> {
  const env = readEnvFiles();
  const admin = new Client({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USERNAME, password: env.DB_PASSWORD, database: env.DB_DATABASE });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [TEST_DB]);
    await admin.query(`DROP DATABASE IF EXISTS ${TEST_DB}`);
    await admin.query(`CREATE DATABASE ${TEST_DB}`);
  } finally {
    await admin.end();
  }
  await migrate({ database: TEST_DB });
  const redis = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT), db: TEST_REDIS_DB });
  await redis.flushdb();
  await redis.quit();
}
