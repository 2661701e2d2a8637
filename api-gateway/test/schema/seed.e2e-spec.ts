import * as bcrypt from 'bcryptjs';
import { spawnSync } from 'child_process';
import { Client } from 'pg';
import { migrate } from '../../src/database/migrate';
import { DEMO_CUSTOMER_PASSWORD } from '../../src/database/seed/catalog-data';
import { seedDatabase } from '../../src/database/seed/seeder';
import { connect, createDatabase, dropDatabase, settingsFor, uniqueDbName } from './pg-helpers';

/** The seeder on a throw-away database: integrity, idempotent reseed, determinism, credentials. */
describe('demo data seeder', () => {
  const dbName = uniqueDbName('seed');
  const opts = { seed: 42, products: 3000, orders: 400, now: new Date('2026-11-25T12:00:00Z') };
  const users = { adminEmail: 'Admin@Example.com', adminPassword: 'Admin-Passw0rd!', bcryptRounds: 4 };
  let db: Client;

  const catalogDigest = async (): Promise<string> =>
    (
      await db.query(`SELECT md5(string_agg(concat_ws('|', id, sku, name, slug, description, price, category_id, brand_id, status, attributes::text,
      deleted_at IS NOT NULL, (SELECT on_hand FROM inventory i WHERE i.product_id = p.id)), E'\\n' ORDER BY id)) AS h FROM products p`)
    ).rows[0].h as string;

  beforeAll(async () => {
    await createDatabase(dbName);
    await migrate(settingsFor(dbName));
    db = await connect(dbName);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await dropDatabase(dbName);
  });

  let firstDigest = '';

  it('seeds the catalog, users and order history', async () => {
    const report = await seedDatabase(db, opts, users);
    expect(report.counts).toMatchObject({ categories: 58, brands: 100, products: 3000, inventory: 3000, users: 6 });
    expect(report.counts.images).toBeGreaterThan(3000);
    expect(report.counts.orders).toBeGreaterThan(350);
    const q = async (sql: string): Promise<Record<string, unknown>> => (await db.query(sql)).rows[0] as Record<string, unknown>;
    expect(await q(`SELECT count(*)::int AS n FROM categories WHERE depth = 2`)).toEqual({ n: 40 });
    expect(
      await q(`SELECT count(*)::int AS n FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.path <> p.path || c.id || '/'`),
    ).toEqual({ n: 0 });
    // products only in leaves; ~3 % drafts, ~2 % soft-deleted, some out of stock
    expect(await q(`SELECT count(*)::int AS n FROM products p JOIN categories c ON c.id = p.category_id WHERE c.depth <> 2`)).toEqual({
      n: 0,
    });
    const mix =
      await q(`SELECT count(*) FILTER (WHERE status = 'draft')::int AS drafts, count(*) FILTER (WHERE deleted_at IS NOT NULL)::int AS deleted,
      count(*) FILTER (WHERE i.on_hand = 0)::int AS oos FROM products p JOIN inventory i ON i.product_id = p.id`);
    expect(mix.drafts).toBeGreaterThan(40);
    expect(mix.deleted).toBeGreaterThan(20);
    expect(mix.oos).toBeGreaterThan(100);
    // order arithmetic and reservations are consistent
    expect(
      await q(
        `SELECT count(*)::int AS n FROM orders o WHERE subtotal <> (SELECT sum(line_total) FROM order_items i WHERE i.order_id = o.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await q(
        `SELECT (SELECT COALESCE(sum(reserved), 0) FROM inventory)::int = (SELECT COALESCE(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = 'pending')::int AS ok`,
      ),
    ).toEqual({ ok: true });
    expect(
      await q(
        `SELECT count(*)::int AS n FROM orders WHERE created_at < '2026-11-25T12:00:00Z'::timestamptz - interval '90 days' OR created_at > '2026-11-25T12:00:00Z'::timestamptz`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await q(
        `SELECT count(*)::int AS n FROM orders o WHERE status IN ('paid','shipped','delivered','refunded') AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded')`,
      ),
    ).toEqual({ n: 0 });
    // sequences continue after the explicit ids
    const next = await q(`INSERT INTO brands (name, slug) VALUES ('New Brand', 'new-brand') RETURNING id::int`);
    expect(next).toEqual({ id: 101 });
    await db.query(`DELETE FROM brands WHERE slug = 'new-brand'`);
    firstDigest = await catalogDigest();
  });

  it('reseeding is idempotent and deterministic; users are upserted, not duplicated', async () => {
    await db.query(`INSERT INTO users (email, name, password_hash) VALUES ('someone@example.com', 'Someone', 'x')`);
    await seedDatabase(db, { ...opts, now: new Date('2027-01-01T00:00:00Z') }, users);
    expect(await catalogDigest()).toBe(firstDigest);
    const u = await db.query(`SELECT lower(email) AS email, role FROM users ORDER BY id`);
    expect(u.rows).toHaveLength(7);
    expect(u.rows.filter((r: { role: string }) => r.role === 'admin')).toEqual([{ email: 'admin@example.com', role: 'admin' }]);
  });

  it('a reseed never resets a password nor re-enables a disabled account (issue 9, F11)', async () => {
    await db.query(`UPDATE users SET is_disabled = true, password_hash = 'changed-by-its-owner' WHERE lower(email) = 'admin@example.com'`);
    await seedDatabase(db, { ...opts, now: new Date('2027-01-01T00:00:00Z') }, users);
    const { rows } = await db.query(`SELECT is_disabled, password_hash FROM users WHERE lower(email) = 'admin@example.com'`);
    expect(rows).toEqual([{ is_disabled: true, password_hash: 'changed-by-its-owner' }]);
    await db.query(`UPDATE users SET is_disabled = false, password_hash = $1 WHERE lower(email) = 'admin@example.com'`, [
      bcrypt.hashSync(users.adminPassword, 4),
    ]);
  });

  it('stores bcrypt $2b$ hashes that bcryptjs and PHP password_verify() accept', async () => {
    const rows = (
      await db.query(`SELECT email, password_hash FROM users WHERE email IN ('Admin@Example.com', 'alice@example.com') ORDER BY email`)
    ).rows as { email: string; password_hash: string }[];
    expect(rows).toHaveLength(2);
    const admin = rows.find((r) => r.email === 'Admin@Example.com') as { password_hash: string };
    const alice = rows.find((r) => r.email === 'alice@example.com') as { password_hash: string };
    expect(admin.password_hash).toMatch(/^\$2b\$/);
    expect(await bcrypt.compare(users.adminPassword, admin.password_hash)).toBe(true);
    expect(await bcrypt.compare(DEMO_CUSTOMER_PASSWORD, alice.password_hash)).toBe(true);
    const php = spawnSync(
      'php',
      ['-r', 'echo password_verify($argv[1], $argv[2]) ? "yes" : "no";', users.adminPassword, admin.password_hash],
      { encoding: 'utf8' },
    );
    expect(php.stdout).toBe('yes');
  });
});
