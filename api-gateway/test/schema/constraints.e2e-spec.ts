import { Client, DatabaseError } from 'pg';
import { migrate } from '../../src/database/migrate';
import { connect, createDatabase, dropDatabase, settingsFor, uniqueDbName } from './pg-helpers';

/**
 * The database itself (not the apps) rejects invalid data. Runs on a throw-away database
 * migrated with the runtime owner's (TypeORM) migrations; the parity test guarantees the
 * Laravel set behaves identically.
 */
describe('schema constraints (real PostgreSQL)', () => {
  const dbName = uniqueDbName('constraints');
  let db: Client;
  let userA: string;
  let userB: string;
  let brandId: string;
  let rootCategoryId: string;

  async function expectRejected(sql: string, params: unknown[], code: string, constraint?: string): Promise<DatabaseError> {
    let caught: unknown;
    try {
      await db.query(sql, params);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    const e = caught as DatabaseError;
    expect({ code: e.code, constraint: e.constraint }).toEqual({ code, constraint: constraint ?? e.constraint });
    return e;
  }

  async function one<T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> {
    const res = await db.query(sql, params);
    return res.rows[0] as T;
  }

  async function category(name: string, parentId: string | null): Promise<{ id: string; path: string; depth: number }> {
    return one('INSERT INTO categories (name, slug, parent_id) VALUES ($1, $2, $3) RETURNING id, path, depth', [
      name,
      name.toLowerCase().replace(/\W+/g, '-'),
      parentId,
    ]);
  }

  let skuSeq = 0;
  async function product(overrides: { sku?: string; price?: string } = {}): Promise<string> {
    skuSeq += 1;
    const sku = overrides.sku ?? `SKU-${skuSeq}`;
    const row = await one<{ id: string }>(
      `INSERT INTO products (sku, name, slug, price, category_id, brand_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [sku, `Product ${sku}`, `product-${sku.toLowerCase()}-${skuSeq}`, overrides.price ?? '19.99', rootCategoryId, brandId],
    );
    return row.id;
  }

  async function order(userId: string, idempotencyKey: string | null, number: string): Promise<string> {
    const row = await one<{ id: string }>(
      `INSERT INTO orders (number, user_id, currency, subtotal, total, shipping_address, idempotency_key)
       VALUES ($1, $2, 'USD', 10, 10, '{"city":"Berlin"}', $3) RETURNING id`,
      [number, userId, idempotencyKey],
    );
    return row.id;
  }

  beforeAll(async () => {
    await createDatabase(dbName);
    await migrate(settingsFor(dbName));
    db = await connect(dbName);
    userA = (
      await one<{ id: string }>(`INSERT INTO users (email, name, password_hash) VALUES ('alice@example.com', 'Alice', 'x') RETURNING id`)
    ).id;
    userB = (
      await one<{ id: string }>(`INSERT INTO users (email, name, password_hash) VALUES ('bob@example.com', 'Bob', 'x') RETURNING id`)
    ).id;
    brandId = (await one<{ id: string }>(`INSERT INTO brands (name, slug) VALUES ('Acme', 'acme') RETURNING id`)).id;
    rootCategoryId = (await category('Root', null)).id;
  });

  afterAll(async () => {
    await db?.end();
    await dropDatabase(dbName);
  });

  describe('inventory', () => {
    it('rejects negative stock', async () => {
      const id = await product();
      await expectRejected('INSERT INTO inventory (product_id, on_hand) VALUES ($1, -1)', [id], '23514', 'inventory_stock_check');
      await db.query('INSERT INTO inventory (product_id, on_hand) VALUES ($1, 1)', [id]);
      await expectRejected('UPDATE inventory SET on_hand = on_hand - 2 WHERE product_id = $1', [id], '23514', 'inventory_stock_check');
    });

    it('rejects reserved > on_hand and negative reserved', async () => {
      const id = await product();
      await expectRejected(
        'INSERT INTO inventory (product_id, on_hand, reserved) VALUES ($1, 2, 3)',
        [id],
        '23514',
        'inventory_stock_check',
      );
      await db.query('INSERT INTO inventory (product_id, on_hand, reserved) VALUES ($1, 2, 2)', [id]);
      await expectRejected('UPDATE inventory SET reserved = reserved + 1 WHERE product_id = $1', [id], '23514', 'inventory_stock_check');
      await expectRejected('UPDATE inventory SET reserved = -1 WHERE product_id = $1', [id], '23514', 'inventory_stock_check');
    });
  });

  describe('categories', () => {
    it('maintains path and depth on insert', async () => {
      const a = await category('Clothing', null);
      const b = await category('Men', a.id);
      const c = await category('T-Shirts', b.id);
      expect(a).toMatchObject({ path: `/${a.id}/`, depth: 0 });
      expect(b).toMatchObject({ path: `/${a.id}/${b.id}/`, depth: 1 });
      expect(c).toMatchObject({ path: `/${a.id}/${b.id}/${c.id}/`, depth: 2 });
    });

    it('rejects a cycle A -> B -> A', async () => {
      const a = await category('Cycle A', null);
      const b = await category('Cycle B', a.id);
      const e = await expectRejected('UPDATE categories SET parent_id = $1 WHERE id = $2', [b.id, a.id], '23514', 'categories_no_cycle');
      expect(e.message).toMatch(/cycle/);
    });

    it('rejects a longer cycle (moving a node under its grandchild)', async () => {
      const a = await category('Deep A', null);
      const b = await category('Deep B', a.id);
      const c = await category('Deep C', b.id);
      await expectRejected('UPDATE categories SET parent_id = $1 WHERE id = $2', [c.id, a.id], '23514', 'categories_no_cycle');
    });

    it('rejects a self-parent (update and insert)', async () => {
      const a = await category('Selfish', null);
      await expectRejected('UPDATE categories SET parent_id = id WHERE id = $1', [a.id], '23514', 'categories_no_cycle');
      const next = await one<{ id: string }>(`SELECT nextval('categories_id_seq')::text AS id`);
      await expectRejected(
        'INSERT INTO categories (id, name, slug, parent_id) VALUES ($1, $2, $3, $1)',
        [next.id, 'Self', 'self'],
        '23514',
        'categories_no_cycle',
      );
    });

    it('rejects a missing parent', async () => {
      await expectRejected(
        'INSERT INTO categories (name, slug, parent_id) VALUES ($1, $2, $3)',
        ['Orphan', 'orphan', '999999'],
        '23503',
        'categories_parent_id_foreign',
      );
    });

    it('rejects duplicate sibling slugs, also among roots (NULLS NOT DISTINCT)', async () => {
      const a = await category('Twins', null);
      await category('Kid', a.id);
      await expectRejected(
        'INSERT INTO categories (name, slug, parent_id) VALUES ($1, $2, $3)',
        ['Kid', 'kid', a.id],
        '23505',
        'categories_parent_id_slug_unique',
      );
      await expectRejected(
        'INSERT INTO categories (name, slug) VALUES ($1, $2)',
        ['Twins', 'twins'],
        '23505',
        'categories_parent_id_slug_unique',
      );
    });

    it('moving a subtree rewrites the paths and depths of all descendants', async () => {
      const electronics = await category('Electronics', null);
      const audio = await category('Audio', electronics.id);
      const headphones = await category('Headphones', audio.id);
      const inEar = await category('In-Ear', headphones.id);
      const hobbies = await category('Hobbies', null);

      await db.query('UPDATE categories SET parent_id = $1 WHERE id = $2', [hobbies.id, audio.id]);

      const rows = await db.query<{ id: string; path: string; depth: number }>(
        'SELECT id, path, depth FROM categories WHERE id = ANY($1::bigint[]) ORDER BY depth',
        [[audio.id, headphones.id, inEar.id]],
      );
      expect(rows.rows).toEqual([
        { id: audio.id, path: `/${hobbies.id}/${audio.id}/`, depth: 1 },
        { id: headphones.id, path: `/${hobbies.id}/${audio.id}/${headphones.id}/`, depth: 2 },
        { id: inEar.id, path: `/${hobbies.id}/${audio.id}/${headphones.id}/${inEar.id}/`, depth: 3 },
      ]);
      // descendants query used by category pages
      const desc = await db.query(`SELECT id FROM categories WHERE path LIKE $1 || '%' AND id <> $2`, [`/${hobbies.id}/`, hobbies.id]);
      expect(desc.rows.map((r: { id: string }) => r.id).sort()).toEqual([audio.id, headphones.id, inEar.id].sort());
      const left = await db.query(`SELECT id FROM categories WHERE path LIKE $1 || '%' AND id <> $2`, [
        `/${electronics.id}/`,
        electronics.id,
      ]);
      expect(left.rows).toEqual([]);

      // and back to the root level: depth shrinks
      await db.query('UPDATE categories SET parent_id = NULL WHERE id = $1', [audio.id]);
      const back = await one<{ path: string; depth: number }>('SELECT path, depth FROM categories WHERE id = $1', [inEar.id]);
      expect(back).toEqual({ path: `/${audio.id}/${headphones.id}/${inEar.id}/`, depth: 2 });
    });

    it('ignores client-supplied path/depth', async () => {
      const a = await category('Stable', null);
      await db.query(`UPDATE categories SET path = '/bogus/', depth = 7, name = 'Stable 2' WHERE id = $1`, [a.id]);
      expect(await one('SELECT path, depth FROM categories WHERE id = $1', [a.id])).toEqual({ path: `/${a.id}/`, depth: 0 });
    });

    it('refuses to delete a category that still has children', async () => {
      const a = await category('Parent', null);
      await category('Child', a.id);
      await expectRejected('DELETE FROM categories WHERE id = $1', [a.id], '23503', 'categories_parent_id_foreign');
    });
  });

  describe('products', () => {
    it('rejects a duplicate sku', async () => {
      await product({ sku: 'TEE-001' });
      await expectRejected(
        `INSERT INTO products (sku, name, slug, price, category_id, brand_id) VALUES ('TEE-001', 'x', 'x-dup', 1, $1, $2)`,
        [rootCategoryId, brandId],
        '23505',
        'products_sku_unique',
      );
    });

    it('rejects a negative price', async () => {
      await expectRejected(
        `INSERT INTO products (sku, name, slug, price, category_id, brand_id) VALUES ('NEG-1', 'x', 'neg-1', -0.01, $1, $2)`,
        [rootCategoryId, brandId],
        '23514',
        'products_price_check',
      );
      const id = await product();
      await expectRejected('UPDATE products SET price = -5 WHERE id = $1', [id], '23514', 'products_price_check');
    });

    it('rejects non-object attributes', async () => {
      await expectRejected(
        `INSERT INTO products (sku, name, slug, price, category_id, brand_id, attributes) VALUES ('ATTR-1', 'x', 'attr-1', 1, $1, $2, '[1]')`,
        [rootCategoryId, brandId],
        '23514',
        'products_attributes_check',
      );
    });

    it('increments version on every update, whatever the client sends', async () => {
      const id = await product();
      expect((await one('SELECT version FROM products WHERE id = $1', [id])).version).toBe(1);
      await db.query(`UPDATE products SET name = 'Renamed' WHERE id = $1`, [id]);
      expect((await one('SELECT version FROM products WHERE id = $1', [id])).version).toBe(2);
      await db.query('UPDATE products SET version = 1, price = 25 WHERE id = $1', [id]);
      expect((await one('SELECT version FROM products WHERE id = $1', [id])).version).toBe(3);
      await db.query('UPDATE products SET deleted_at = now() WHERE id = $1', [id]);
      expect((await one('SELECT version FROM products WHERE id = $1', [id])).version).toBe(4);
    });

    it('maintains updated_at unless the statement sets it', async () => {
      const id = await product();
      await db.query(`UPDATE products SET updated_at = '2020-01-01T00:00:00Z' WHERE id = $1`, [id]);
      const pinned = await one<{ updated_at: Date }>('SELECT updated_at FROM products WHERE id = $1', [id]);
      expect(pinned.updated_at.toISOString()).toBe('2020-01-01T00:00:00.000Z');
      await db.query(`UPDATE products SET name = 'Touched' WHERE id = $1`, [id]);
      const touched = await one<{ updated_at: Date }>('SELECT updated_at FROM products WHERE id = $1', [id]);
      expect(touched.updated_at.getTime()).toBeGreaterThan(Date.parse('2025-01-01'));
    });
  });

  describe('users', () => {
    it('rejects a case-insensitive duplicate email', async () => {
      await expectRejected(
        `INSERT INTO users (email, name, password_hash) VALUES ('ALICE@Example.COM', 'Alice 2', 'x')`,
        [],
        '23505',
        'users_email_lower_unique',
      );
    });
  });

  describe('orders', () => {
    it('rejects a duplicate idempotency key for the same user, allows it for another user', async () => {
      await order(userA, 'key-123', 'ORD-1');
      await expectRejected(
        `INSERT INTO orders (number, user_id, currency, subtotal, total, shipping_address, idempotency_key)
         VALUES ('ORD-2', $1, 'USD', 10, 10, '{}', 'key-123')`,
        [userA],
        '23505',
        'orders_user_id_idempotency_key_unique',
      );
      await expect(order(userB, 'key-123', 'ORD-3')).resolves.toBeDefined();
    });

    it('allows any number of orders without an idempotency key', async () => {
      await order(userA, null, 'ORD-N1');
      await expect(order(userA, null, 'ORD-N2')).resolves.toBeDefined();
    });

    it('rejects a duplicate order number and negative totals', async () => {
      await order(userA, null, 'ORD-DUP');
      await expectRejected(
        `INSERT INTO orders (number, user_id, currency, subtotal, total, shipping_address) VALUES ('ORD-DUP', $1, 'USD', 1, 1, '{}')`,
        [userB],
        '23505',
        'orders_number_unique',
      );
      await expectRejected(
        `INSERT INTO orders (number, user_id, currency, subtotal, total, shipping_address) VALUES ('ORD-NEG', $1, 'USD', 1, -1, '{}')`,
        [userB],
        '23514',
        'orders_amounts_check',
      );
    });

    it('rejects item quantities outside 1..100 and inconsistent line totals', async () => {
      const orderId = await order(userB, null, 'ORD-ITEMS');
      const productId = await product();
      const insert = `INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity, line_total) VALUES ($1, $2, 'S', 'N', $3, $4, $5)`;
      await expectRejected(insert, [orderId, productId, '5.00', 0, '0.00'], '23514', 'order_items_quantity_check');
      await expectRejected(insert, [orderId, productId, '5.00', 101, '505.00'], '23514', 'order_items_quantity_check');
      await expectRejected(insert, [orderId, productId, '5.00', 2, '9.00'], '23514', 'order_items_amounts_check');
      await db.query(insert, [orderId, productId, '5.00', 2, '10.00']);
    });
  });

  describe('api keys, audit log, password resets', () => {
    it('rejects unknown scopes; deleting the creator or the actor keeps the rows (SET NULL)', async () => {
      const creator = await one<{ id: string }>(
        `INSERT INTO users (email, name, password_hash) VALUES ('keys@x.test', 'K', 'h') RETURNING id`,
      );
      const insert = `INSERT INTO api_keys (name, key_hash, prefix, scopes, created_by) VALUES ('k', $1, 'cpk_abcdefgh', $2, $3) RETURNING id`;
      await expectRejected(insert, ['a'.repeat(64), ['ops:read', 'root'], creator.id], '23514', 'api_keys_scopes_check');
      const key = await one<{ id: string }>(insert, ['b'.repeat(64), ['ops:read', 'ops:write'], creator.id]);
      const audit = await one<{ id: string }>(
        `INSERT INTO admin_audit_log (actor_user_id, action, subject_type, subject_id, ip) VALUES ($1, 'api_key.create', 'api_key', $2, '192.0.2.1') RETURNING id`,
        [creator.id, key.id],
      );
      await expectRejected(`INSERT INTO admin_audit_log (action, ip) VALUES ('x', 'not-an-ip')`, [], '22P02');
      await db.query('DELETE FROM users WHERE id = $1', [creator.id]);
      expect(await one('SELECT created_by FROM api_keys WHERE id = $1', [key.id])).toEqual({ created_by: null });
      expect(await one('SELECT actor_user_id FROM admin_audit_log WHERE id = $1', [audit.id])).toEqual({ actor_user_id: null });
    });

    it('holds one reset token per email', async () => {
      await db.query(`INSERT INTO password_resets (email, token_hash) VALUES ('r@x.test', $1)`, ['c'.repeat(64)]);
      await expectRejected(
        `INSERT INTO password_resets (email, token_hash) VALUES ('r@x.test', $1)`,
        ['d'.repeat(64)],
        '23505',
        'password_resets_pkey',
      );
    });
  });
});
