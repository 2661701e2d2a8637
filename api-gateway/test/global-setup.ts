import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { migrate } from '../src/database/migrate';
import { readEnvFiles } from '../src/config/load-config';
import { TEST_DB_PREFIX } from './support/test-env';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Creates and migrates this run's database (never the shared dev DB) with the schema owner's migrations. */
export default async function globalSetup(): Promise<void> {
  const env = readEnvFiles();
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const db = `${TEST_DB_PREFIX}${tag}`;
  process.env.GW_TEST_DB = db;
  process.env.GW_TEST_REDIS_PREFIX = `gwtest:${tag}:`;
  const admin = new Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD,
    database: env.DB_DATABASE,
  });
  await admin.connect();
  try {
    // leftovers of killed runs (their pid is gone)
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEST_DB_PREFIX}%`]);
    for (const { datname } of rows as Array<{ datname: string }>) {
      const pid = Number(/^commerce_gw_test_(\d+)_/.exec(datname)?.[1]);
      if (pid && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.query(`CREATE DATABASE "${db}"`);
  } finally {
    await admin.end();
  }
  await migrate({ database: db });
}
