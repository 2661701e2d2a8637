import { Client } from 'pg';
import { readEnvFiles } from '../../config/load-config';
import { dbSettings, loadEnv } from '../env';
import { DEMO_CUSTOMER_PASSWORD, DEMO_CUSTOMERS } from './catalog-data';
import { seedDatabase } from './seeder';
import { SeedRefused, seedUsersFromEnv } from './seed-users';

/**
 * Seeds the platform database with a deterministic demo catalog and order history.
 *
 *   node dist/database/seed/run.js [--products N] [--orders N] [--seed S] [--json] [--if-empty]
 *   npx ts-node src/database/seed/run.ts --products 1000
 *
 * Env: PRODUCTS (default 10000), ORDERS (default 2000), SEED (default 42), SEED_NOW (ISO
 * time anchor, default now), ADMIN_EMAIL / ADMIN_PASSWORD, BCRYPT_COST (default 12, the gateway's), DB_*.
 * Idempotent: catalog and order tables are truncated first; missing users are created, existing
 * ones are left as they are. Refuses APP_ENV=production; outside development ADMIN_PASSWORD
 * must be set explicitly (seed-users.ts). --if-empty: only when the catalog (products, categories,
 * brands) is empty, else it says so and changes nothing (what `make up` and Compose's seed job run).
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function intSetting(name: string, envName: string, fallback: number): number {
  const raw = arg(name) ?? process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(v) || v < 0) throw new Error(`${envName} / --${name} must be a non-negative integer, got '${raw}'`);
  return v;
}

async function main(): Promise<void> {
  const explicit = { ...readEnvFiles(undefined, ['.env']) };
  loadEnv();
  const json = process.argv.includes('--json');
  const opts = {
    products: intSetting('products', 'PRODUCTS', 10_000),
    orders: intSetting('orders', 'ORDERS', 2_000),
    seed: intSetting('seed', 'SEED', 42),
    now: process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : new Date(),
  };
  if (Number.isNaN(opts.now.getTime())) throw new Error(`SEED_NOW is not a date: ${process.env.SEED_NOW}`);
  const users = seedUsersFromEnv(process.env, explicit);
  const db = dbSettings();
  const client = new Client({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
    database: db.database,
    application_name: 'seeder',
  });
  await client.connect();
  try {
    if (process.argv.includes('--if-empty')) {
      const {
        rows: [row],
      } = await client.query(
        'SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM categories) + (SELECT count(*) FROM brands) AS n',
      );
      if (Number(row.n) > 0) {
        console.log(`catalog present (${row.n} product/category/brand rows): left as it is (make seed reseeds on purpose)`);
        return;
      }
      console.log(`empty catalog: loading the demo catalog once (${opts.products} products with images, demo users, 90 days of orders)`);
    }
    if (!json)
      console.log(`seeding ${db.host}:${db.port}/${db.database}: ${opts.products} products, ~${opts.orders} orders, seed ${opts.seed}`);
    const report = await seedDatabase(client, opts, users, json ? undefined : (m) => console.log(m));
    if (json) {
      console.log(JSON.stringify({ products: opts.products, seed: opts.seed, ...report }));
    } else {
      const c = report.counts;
      console.log(
        `done in ${(report.timings.total / 1000).toFixed(2)} s: ${c.categories} categories, ${c.brands} brands, ${c.products} products, ` +
          `${c.images} images, ${c.inventory} inventory rows, ${c.orders} orders, ${c.orderItems} items, ${c.payments} payments, ${c.users} users`,
      );
      console.log(`  admin: ${users.adminEmail} (ADMIN_PASSWORD)`);
      console.log(`  customers: ${DEMO_CUSTOMERS.map((u) => u.email).join(', ')} / ${DEMO_CUSTOMER_PASSWORD}`);
    }
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  if (err instanceof SeedRefused) {
    console.error(`seed: ${err.message}`);
    process.exit(2);
  }
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
