import * as bcrypt from 'bcryptjs';
import type { Client } from 'pg';
import { fromCents } from '../../orders/money';
import { DEMO_CUSTOMER_PASSWORD, DEMO_CUSTOMERS } from './catalog-data';
import { chunked, copyFrom, csvRow } from './copy';
import {
  OrderRow,
  SeedOptions,
  SellableCatalog,
  generateBrands,
  generateCategories,
  generateOrders,
  generateProducts,
  imageStatusFor,
} from './generate';
import { Rng } from './prng';

export interface SeedCounts {
  categories: number;
  brands: number;
  products: number;
  inventory: number;
  images: number;
  users: number;
  orders: number;
  orderItems: number;
  payments: number;
}

export interface SeedReport {
  counts: SeedCounts;
  /** Milliseconds per phase, and `total`. */
  timings: Record<string, number>;
}

export interface SeedUsersOptions {
  adminEmail: string;
  adminPassword: string;
  bcryptRounds: number;
}

/** Tables the seeder owns and empties (CASCADE also empties future tables that reference them). */
export const SEEDED_TABLES = ['payments', 'order_items', 'orders', 'inventory', 'product_images', 'products', 'brands', 'categories'];

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Reseeds catalog and order data in ONE transaction (readers see the old data or the new,
 * never half): TRUNCATE ... RESTART IDENTITY, then COPY FROM STDIN for the bulk tables
 * (FREEZE: the tables were truncated in this transaction). Users are created by e-mail if
 * missing, never truncated nor overwritten, so accounts (and their passwords) survive a reseed.
 */
export async function seedDatabase(
  client: Client,
  opts: SeedOptions,
  users: SeedUsersOptions,
  log: (msg: string) => void = () => {},
): Promise<SeedReport> {
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  let mark = t0;
  const lap = (name: string): void => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
    log(`  ${name.padEnd(10)} ${timings[name]} ms`);
  };

  // bcrypt is CPU work; start it before the database work.
  const hashing = Promise.all([
    bcrypt.hash(users.adminPassword, users.bcryptRounds),
    bcrypt.hash(DEMO_CUSTOMER_PASSWORD, users.bcryptRounds),
  ]);

  const counts: SeedCounts = {
    categories: 0,
    brands: 0,
    products: 0,
    inventory: 0,
    images: 0,
    users: 0,
    orders: 0,
    orderItems: 0,
    payments: 0,
  };
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query(`TRUNCATE ${SEEDED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    lap('truncate');

    // ---- categories (BEFORE INSERT trigger computes path/depth: insert level by level) ----
    const categories = generateCategories();
    for (let depth = 0; depth <= 2; depth++) {
      const level = categories.filter((c) => c.depth === depth);
      await client.query(
        `INSERT INTO categories (id, parent_id, name, slug, position)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::int[])`,
        [
          level.map((c) => c.id),
          level.map((c) => c.parentId),
          level.map((c) => c.name),
          level.map((c) => c.slug),
          level.map((c) => c.position),
        ],
      );
    }
    counts.categories = categories.length;

    // ---- brands ---------------------------------------------------------------------------
    const brands = generateBrands(opts.seed);
    const createdBase = opts.now.getTime() - 400 * 86_400_000;
    counts.brands = await copyFrom(
      client,
      'brands',
      ['id', 'name', 'slug', 'created_at', 'updated_at'],
      chunked(brands.map((b) => csvRow([b.id, b.name, b.slug, new Date(createdBase).toISOString(), new Date(createdBase).toISOString()]))),
      'FORMAT csv, FREEZE',
    );
    lap('taxonomy');

    // ---- products (streamed while generated) ----------------------------------------------
    const n = opts.products;
    const status = new Uint8Array(n + 1); // 1 = active, 2 = draft, 3 = deleted
    const createdMs = new Float64Array(n + 1);
    const updatedMs = new Float64Array(n + 1);
    const imageCount = new Uint8Array(n + 1);
    const skus: string[] = new Array<string>(n + 1);
    const onHand = new Int32Array(n + 1);
    const sellIds: number[] = [];
    const sellPrice: number[] = [];
    const sellName: string[] = [];
    function* productLines(): Generator<string> {
      for (const p of generateProducts(opts, categories, brands)) {
        status[p.id] = p.deletedAt ? 3 : p.status === 'draft' ? 2 : 1;
        createdMs[p.id] = p.createdAt.getTime();
        updatedMs[p.id] = p.updatedAt.getTime();
        imageCount[p.id] = p.imageCount;
        skus[p.id] = p.sku;
        onHand[p.id] = p.onHand;
        if (status[p.id] === 1) {
          sellIds.push(p.id);
          sellPrice.push(p.priceCents);
          sellName.push(p.name);
        }
        yield csvRow([
          p.id,
          p.sku,
          p.name,
          p.slug,
          p.description,
          fromCents(p.priceCents),
          'USD',
          p.categoryId,
          p.brandId,
          p.status,
          JSON.stringify(p.attributes),
          1,
          iso(p.deletedAt),
          iso(p.createdAt),
          iso(p.updatedAt),
        ]);
      }
    }
    counts.products = await copyFrom(
      client,
      'products',
      [
        'id',
        'sku',
        'name',
        'slug',
        'description',
        'price',
        'currency',
        'category_id',
        'brand_id',
        'status',
        'attributes',
        'version',
        'deleted_at',
        'created_at',
        'updated_at',
      ],
      chunked(productLines()),
      'FORMAT csv, FREEZE',
    );
    lap('products');

    // ---- product images -------------------------------------------------------------------
    const imgRng = new Rng(opts.seed, 'images');
    function* imageLines(): Generator<string> {
      let id = 0;
      for (let pid = 1; pid <= n; pid++) {
        const st = status[pid] === 2 ? 'draft' : 'active';
        const created = new Date(createdMs[pid]).toISOString();
        const dir = skus[pid].toLowerCase();
        for (let k = 0; k < imageCount[pid]; k++) {
          id += 1;
          yield csvRow([id, pid, `products/${dir}/${k + 1}.jpg`, k, imageStatusFor(imgRng, st), created, created]);
        }
      }
    }
    counts.images = await copyFrom(
      client,
      'product_images',
      ['id', 'product_id', 'path', 'position', 'status', 'created_at', 'updated_at'],
      chunked(imageLines()),
      'FORMAT csv, FREEZE',
    );
    lap('images');

    // ---- users (create if missing: admin + demo customers) ---------------------------------
    // An existing account keeps its password, role and is_disabled: a reseed never resets a
    // password nor re-enables a disabled account (issue 9, F11). The no-op update returns the row.
    const [adminHash, customerHash] = await hashing;
    const userRows = [
      { email: users.adminEmail, name: 'Admin', hash: adminHash, role: 'admin' },
      ...DEMO_CUSTOMERS.map((c) => ({ email: c.email, name: c.name, hash: customerHash, role: 'customer' })),
    ];
    const upserted = await client.query<{ id: string; email: string }>(
      `INSERT INTO users (email, name, password_hash, role)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::user_role[])
       ON CONFLICT ((lower(email))) DO UPDATE SET email = users.email
       RETURNING id, email`,
      [userRows.map((u) => u.email), userRows.map((u) => u.name), userRows.map((u) => u.hash), userRows.map((u) => u.role)],
    );
    counts.users = upserted.rowCount ?? 0;
    const idByEmail = new Map(upserted.rows.map((r) => [r.email.toLowerCase(), Number(r.id)]));
    const customerIds = DEMO_CUSTOMERS.map((c) => idByEmail.get(c.email) as number);
    lap('users');

    // ---- orders, items, payments ----------------------------------------------------------
    const catalog: SellableCatalog = {
      ids: Int32Array.from(sellIds),
      priceCents: Int32Array.from(sellPrice),
      sku: sellIds.map((id) => skus[id]),
      name: sellName,
      onHand,
      reserved: new Int32Array(n + 1),
    };
    const orders: OrderRow[] = generateOrders(opts, customerIds, catalog);
    counts.orders = await copyFrom(
      client,
      'orders',
      [
        'id',
        'number',
        'user_id',
        'status',
        'currency',
        'subtotal',
        'total',
        'shipping_address',
        'idempotency_key',
        'reserved_until',
        'created_at',
        'updated_at',
      ],
      chunked(
        orders.map((o) =>
          csvRow([
            o.id,
            o.number,
            o.userId,
            o.status,
            'USD',
            fromCents(o.subtotalCents),
            fromCents(o.totalCents),
            JSON.stringify(o.shippingAddress),
            o.idempotencyKey,
            iso(o.reservedUntil),
            iso(o.createdAt),
            iso(o.updatedAt),
          ]),
        ),
      ),
      'FORMAT csv, FREEZE',
    );
    function* itemLines(): Generator<string> {
      for (const o of orders) {
        for (const it of o.items) {
          yield csvRow([o.id, it.productId, it.sku, it.name, fromCents(it.unitCents), it.quantity, fromCents(it.unitCents * it.quantity)]);
        }
      }
    }
    counts.orderItems = await copyFrom(
      client,
      'order_items',
      ['order_id', 'product_id', 'sku', 'name', 'unit_price', 'quantity', 'line_total'],
      chunked(itemLines()),
      'FORMAT csv, FREEZE',
    );
    function* paymentLines(): Generator<string> {
      for (const o of orders) {
        for (const p of o.payments) {
          yield csvRow([o.id, 'mockpay', p.providerRef, p.status, fromCents(p.amountCents), 'USD', p.error, iso(p.createdAt)]);
        }
      }
    }
    counts.payments = await copyFrom(
      client,
      'payments',
      ['order_id', 'provider', 'provider_ref', 'status', 'amount', 'currency', 'error', 'created_at'],
      chunked(paymentLines()),
      'FORMAT csv, FREEZE',
    );
    lap('orders');

    // ---- inventory (after orders: pending orders hold reservations) -----------------------
    function* inventoryLines(): Generator<string> {
      for (let pid = 1; pid <= n; pid++) {
        yield csvRow([pid, onHand[pid], catalog.reserved[pid], 1, new Date(updatedMs[pid]).toISOString()]);
      }
    }
    counts.inventory = await copyFrom(
      client,
      'inventory',
      ['product_id', 'on_hand', 'reserved', 'version', 'updated_at'],
      chunked(inventoryLines()),
      'FORMAT csv, FREEZE',
    );
    lap('inventory');

    // ---- sequences follow the explicit ids ------------------------------------------------
    await client.query(`SELECT setval(pg_get_serial_sequence(t, 'id'), COALESCE(m, 0) + 1, false)
      FROM (VALUES ('categories', (SELECT max(id) FROM categories)), ('brands', (SELECT max(id) FROM brands)),
                   ('products', (SELECT max(id) FROM products)), ('product_images', (SELECT max(id) FROM product_images)),
                   ('orders', (SELECT max(id) FROM orders))) AS s(t, m)`);
    await client.query('COMMIT');
    lap('commit');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }

  await client.query(`ANALYZE ${SEEDED_TABLES.join(', ')}, users`);
  lap('analyze');
  timings.total = Date.now() - t0;
  return { counts, timings };
}
