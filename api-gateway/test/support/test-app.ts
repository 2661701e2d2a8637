import { Writable } from 'stream';
import * as bcrypt from 'bcryptjs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import type { EnvironmentSchema } from '../../src/config/env.schema';
import { readEnvFiles, validateEnv } from '../../src/config/load-config';
import { TEST_DB, TEST_KEYS_DIR, TEST_REDIS_DB, TEST_REDIS_PREFIX } from './test-env';

export interface TestContext {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  db: Client;
  redis: Redis;
  logs: string[];
  /** KEYS within this run's prefix, returned without the prefix (usable with ctx.redis). */
  keys: (pattern: string) => Promise<string[]>;
  close: () => Promise<void>;
}

export function testEnv(overrides: Record<string, string> = {}) {
  return validateEnv({
    ...readEnvFiles(),
    APP_ENV: 'test',
    DB_DATABASE: TEST_DB,
    REDIS_DB: String(TEST_REDIS_DB),
    REDIS_KEY_PREFIX: TEST_REDIS_PREFIX,
    JWT_KEYS_DIR: TEST_KEYS_DIR,
    AUTH_RATE_LIMIT: '1000',
    GRAPHQL_RATE_LIMIT: '1000',
    BCRYPT_COST: '4', // createUser's cost, so logins don't rehash; auth.e2e checks the production cost
    LOG_LEVEL: 'info',
    SEARCH_EVENTS_ENABLED: 'false', // test searches stay out of the analytics (search-events.e2e turns it on, own prefix)
    ...overrides,
  });
}

/**
 * Initializes `app` and opens the direct clients a test checks state with: PostgreSQL `database`
 * and Redis logical DB `redisDb` (with `keyPrefix`, if any) on the hosts of `env`.
 */
export async function initWithClients(
  app: NestExpressApplication,
  env: EnvironmentSchema,
  where: { database: string; redisDb: number; keyPrefix?: string },
): Promise<{ http: () => ReturnType<typeof request>; db: Client; redis: Redis }> {
  await app.init();
  const db = new Client({
    host: env.DB_HOST,
    port: env.DB_PORT,
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD,
    database: where.database,
  });
  await db.connect();
  const redis = new Redis({
    host: env.REDIS_HOST,
    port: env.REDIS_PORT,
    db: where.redisDb,
    ...(where.keyPrefix === undefined ? {} : { keyPrefix: where.keyPrefix }),
  });
  const server = app.getHttpServer();
  return { http: () => request(server), db, redis };
}

/** Boots the real app (real PostgreSQL + Redis) and captures every pino line. */
export async function startApp(overrides: Record<string, string> = {}): Promise<TestContext> {
  const env = testEnv(overrides);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const app = await createApp({ env, logDestination: sink });
  const { http, db, redis } = await initWithClients(app, env, { database: TEST_DB, redisDb: TEST_REDIS_DB, keyPrefix: TEST_REDIS_PREFIX });
  return {
    app,
    http,
    db,
    redis,
    logs,
    keys: async (pattern: string) => (await redis.keys(`${TEST_REDIS_PREFIX}${pattern}`)).map((k) => k.slice(TEST_REDIS_PREFIX.length)),
    close: async () => {
      await app.close();
      await db.end();
      await redis.quit();
    },
  };
}

let seq = 0;
export const unique = (p: string) => `${p}${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createUser(
  db: Client,
  role: 'customer' | 'admin',
  password = 'Passw0rd-long',
): Promise<{ id: number; email: string; password: string }> {
  const email = `${unique(role)}@example.test`;
  const hash = bcrypt.hashSync(password, 4);
  const { rows } = await db.query(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`, [
    email,
    role,
    hash,
    role,
  ]);
  return { id: Number(rows[0].id), email, password };
}

export async function login(ctx: TestContext, user: { email: string; password: string }) {
  const res = await ctx.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
  return res.body as { accessToken: string; refreshToken: string; user: { id: number } };
}

/** Creates root > child categories; returns their ids and slugs. */
export async function createCategoryTree(db: Client) {
  const rootSlug = unique('root');
  const childSlug = unique('child');
  const root = await db.query(`INSERT INTO categories (name, slug) VALUES ($1, $2) RETURNING id`, ['Root', rootSlug]);
  const child = await db.query(`INSERT INTO categories (parent_id, name, slug) VALUES ($1, $2, $3) RETURNING id`, [
    root.rows[0].id,
    'Child',
    childSlug,
  ]);
  return { rootId: Number(root.rows[0].id), rootSlug, childId: Number(child.rows[0].id), childSlug };
}

export async function count(db: Client, table: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n as number;
}
