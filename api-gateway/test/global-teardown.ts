import Redis from 'ioredis';
import { Client } from 'pg';
import { readEnvFiles } from '../src/config/load-config';
import { removeOutboxConnector } from './support/outbox-connector';

/** Drops this run's outbox connector (if a suite registered one), its database and Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const env = readEnvFiles();
  const db = process.env.GW_TEST_DB;
  const prefix = process.env.GW_TEST_REDIS_PREFIX;
  if (db) {
    await removeOutboxConnector(db); // its replication slot would keep the database from being dropped
    const admin = new Client({
      host: env.DB_HOST,
      port: Number(env.DB_PORT),
      user: env.DB_USERNAME,
      password: env.DB_PASSWORD,
      database: env.DB_DATABASE,
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  if (prefix) {
    const redis = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT), db: 9 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  }
}
