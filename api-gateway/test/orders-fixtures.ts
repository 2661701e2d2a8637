import { randomUUID } from 'crypto';
import type { Client } from 'pg';
import { createCategoryTree, createUser, login, TestContext, unique } from './support/test-app';

/** Shared setup of the orders e2e suites (real PostgreSQL rows, real logins). */

export interface Product {
  id: number;
  sku: string;
  price: string;
}

export async function createProducts(
  db: Client,
  n: number,
  opts: { price?: string; stock: number; status?: string; deleted?: boolean },
): Promise<Product[]> {
  const cats = await createCategoryTree(db);
  const brand = await db.query(`INSERT INTO brands (name, slug) VALUES ($1, $1) RETURNING id`, [unique('brand-')]);
  const out: Product[] = [];
  for (let i = 0; i < n; i++) {
    const sku = unique('ORD-SKU-');
    const price = opts.price ?? `${10 + i}.25`;
    const { rows } = await db.query(
      `INSERT INTO products (sku, name, slug, price, category_id, brand_id, status, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        sku,
        `Order test ${sku}`,
        sku.toLowerCase(),
        price,
        cats.childId,
        brand.rows[0].id,
        opts.status ?? 'active',
        opts.deleted ? new Date() : null,
      ],
    );
    const id = Number(rows[0].id);
    await db.query(`INSERT INTO inventory (product_id, on_hand, reserved) VALUES ($1, $2, 0)`, [id, opts.stock]);
    out.push({ id, sku, price });
  }
  return out;
}

export async function customers(ctx: TestContext, n: number): Promise<{ id: number; token: string }[]> {
  // one after another: ctx.db is a single pg Client, and overlapping queries on one client are
  // deprecated in pg 8 (a warning in every e2e run) and an error in pg 9
  const users: Awaited<ReturnType<typeof createUser>>[] = [];
  for (let i = 0; i < n; i++) users.push(await createUser(ctx.db, 'customer'));
  return Promise.all(users.map(async (u) => ({ id: u.id, token: (await login(ctx, u)).accessToken })));
}

export async function adminToken(ctx: TestContext): Promise<string> {
  return (await login(ctx, await createUser(ctx.db, 'admin'))).accessToken;
}

export const address = { name: 'Ada Lovelace', line1: '12 Analytical St', city: 'London', postalCode: 'NW1 6XE', country: 'GB' };

export function orderBody(
  items: { productId: number; quantity: number; [k: string]: unknown }[],
  token = 'tok_success',
  over: Record<string, unknown> = {},
) {
  return { items, shippingAddress: address, payment: { method: 'card', token }, ...over };
}

export function postOrder(ctx: TestContext, bearer: string, body: unknown, key: string | null = randomUUID()) {
  const req = ctx.http().post('/api/orders').set('Authorization', `Bearer ${bearer}`);
  if (key !== null) req.set('Idempotency-Key', key);
  return req.send(body as object);
}

export async function stock(db: Client, productId: number): Promise<{ onHand: number; reserved: number }> {
  const { rows } = await db.query(`SELECT on_hand AS "onHand", reserved FROM inventory WHERE product_id = $1`, [productId]);
  return rows[0];
}

/** Row counts of every table the order flow writes. */
export async function orderTableCounts(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_items)::int AS order_items,
            (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM outbox)::int AS outbox,
            (SELECT coalesce(sum(reserved), 0) FROM inventory)::int AS reserved`,
  );
  return rows[0];
}
