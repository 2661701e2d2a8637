import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEventPayload } from '../events/order-events';
import { preparedQuery, preparedStatement } from '../common/postgres/prepared-query';
import { outboxInsertSql } from '../events/outbox.writer';
import type { ChargeResult } from '../payments/payment-provider';
import type { CatalogProduct, PricedOrder } from './order-lines';
import type { OrderView } from './order-queries.service';
import type { OrderStatus } from './order-status';
import type { StockLine } from './inventory.repository';

export interface OrderHead {
  id: string;
  number: string;
  userId: string;
  status: OrderStatus;
  currency: string;
  total: string;
  requestHash: string | null;
  reservedUntil: Date | null;
}

export interface NewPendingOrder {
  userId: number;
  priced: PricedOrder;
  shippingAddress: object;
  idempotencyKey: string;
  requestHash: string;
  reservationSeconds: number;
}

const HEAD_COLUMNS = `id::text AS id, number, user_id::text AS "userId", status, currency, total::text AS total,
  request_hash AS "requestHash", reserved_until AS "reservedUntil"`;

// The order flow's statements run as named prepared statements (common/postgres/prepared-query.ts).
const FIND_BY_KEY_WITH_CATALOG = preparedStatement(
  'orders.find-by-key-with-catalog',
  `SELECT (SELECT row_to_json(h) FROM (SELECT ${HEAD_COLUMNS} FROM orders WHERE user_id = $1 AND idempotency_key = $2) h) AS head,
                (SELECT json_agg(p) FROM (SELECT id::text AS id, sku, name, price::text AS price, currency, status, deleted_at AS "deletedAt"
                                          FROM products WHERE id = ANY($3::bigint[])) p) AS catalog`,
);

const RESERVE_PENDING = preparedStatement(
  'orders.reserve-pending',
  `WITH d AS (SELECT * FROM unnest($1::bigint[], $2::int[]) AS d(product_id, q)),
         locked AS MATERIALIZED (
           SELECT i.product_id, i.on_hand, i.reserved FROM inventory i
           WHERE i.product_id IN (SELECT product_id FROM d) ORDER BY i.product_id FOR UPDATE),
         fits AS MATERIALIZED (
           SELECT count(l.product_id) = count(*) AND coalesce(bool_and(l.on_hand - l.reserved >= d.q), false) AS ok
           FROM d LEFT JOIN locked l USING (product_id)),
         o AS (
           INSERT INTO orders (id, number, user_id, status, currency, subtotal, total, shipping_address,
                               idempotency_key, request_hash, reserved_until)
           SELECT n.id, 'ORD-' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(n.id::text, 6, '0'),
                  $3, 'pending', $4, $5, $6, $7::jsonb, $8, $9, now() + make_interval(secs => $10)
           FROM (SELECT nextval(pg_get_serial_sequence('orders', 'id')) AS id WHERE (SELECT ok FROM fits)) n
           ON CONFLICT (user_id, idempotency_key) DO NOTHING
           RETURNING id, number),
         items AS (
           INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity, line_total)
           SELECT o.id, x.product_id, x.sku, x.name, x.unit_price, x.quantity, x.line_total
           FROM o, unnest($11::bigint[], $12::varchar[], $13::varchar[], $14::numeric[], $15::int[], $16::numeric[])
                   WITH ORDINALITY AS x(product_id, sku, name, unit_price, quantity, line_total, n)
           ORDER BY x.n),
         ev AS (${outboxInsertSql(
           `SELECT 1 AS n, o.id::text AS aggregate_id, 'order.created'::varchar AS event_type,
                   $17::jsonb || jsonb_build_object('orderId', o.id::text, 'orderNumber', o.number) AS payload FROM o`,
         )}),
         upd AS (
           UPDATE inventory i SET reserved = i.reserved + d.q, version = i.version + 1, updated_at = now()
           FROM d WHERE i.product_id = d.product_id AND EXISTS (SELECT 1 FROM o) RETURNING i.product_id)
         SELECT (SELECT ok FROM fits) AS fits, (SELECT id::text FROM o) AS id, (SELECT number FROM o) AS number,
                (SELECT count(*) FROM upd)::int AS reserved,
                (SELECT json_agg(json_build_object('product_id', l.product_id::text, 'on_hand', l.on_hand, 'reserved', l.reserved))
                   FROM locked l) AS locked`,
);

const SETTLE_PAID = preparedStatement(
  'orders.settle-paid',
  `WITH h AS MATERIALIZED (SELECT id, number, status, total, currency, user_id FROM orders WHERE id = $1 FOR UPDATE),
       go AS MATERIALIZED (SELECT * FROM h WHERE status = 'pending'),
       pay AS (
         INSERT INTO payments (order_id, provider, provider_ref, status, amount, currency, error)
         SELECT go.id, $2, $3, 'succeeded'::payment_status, go.total, go.currency, NULL FROM go
         RETURNING provider, status, provider_ref, amount),
       hist AS (
         INSERT INTO order_status_history (order_id, from_status, to_status, actor_user_id, source, reason)
         SELECT go.id, 'pending'::order_status, 'paid'::order_status, NULL, 'payment', NULL FROM go),
       customer AS (
         SELECT jsonb_build_object('customer', jsonb_build_object('email', coalesce(max(u.email), ''), 'name', coalesce(max(u.name), ''))) AS c
         FROM go LEFT JOIN users u ON u.id = go.user_id),
       ev AS (${outboxInsertSql(
         `SELECT x.n, go.id::text AS aggregate_id, x.event_type, x.payload
          FROM go, (VALUES (1, 'order.paid'::varchar, $4::jsonb || (SELECT c FROM customer)),
                           (2, 'order.status_changed'::varchar, $5::jsonb)) AS x(n, event_type, payload)`,
       )}),
       d AS (SELECT product_id, quantity AS q FROM order_items WHERE order_id = $1 AND EXISTS (SELECT 1 FROM go)),
       locked AS MATERIALIZED (
         SELECT i.product_id FROM inventory i WHERE i.product_id IN (SELECT product_id FROM d) ORDER BY i.product_id FOR UPDATE),
       inv AS (
         UPDATE inventory i SET on_hand = i.on_hand - d.q, reserved = i.reserved - d.q, version = i.version + 1, updated_at = now()
         FROM d WHERE i.product_id = d.product_id AND (SELECT count(*) FROM locked) >= 0 RETURNING i.product_id),
       st AS (
         UPDATE orders o SET status = 'paid'::order_status, reserved_until = NULL
         FROM go WHERE o.id = go.id AND (SELECT count(*) FROM inv) >= 0
         RETURNING o.id, o.number, o.user_id, o.status, o.currency, o.subtotal, o.total, o.shipping_address, o.created_at, o.updated_at)
       SELECT h.status AS "headStatus", h.number AS "headNumber", (SELECT count(*) FROM inv)::int AS consumed,
              st.id::int AS id, st.number, st.user_id::int AS "userId", st.status, st.currency,
              st.subtotal::float8 AS subtotal, st.total::float8 AS total, st.shipping_address AS "shippingAddress",
              COALESCE((SELECT json_agg(json_build_object('productId', i.product_id, 'sku', i.sku, 'name', i.name,
                         'unitPrice', i.unit_price, 'quantity', i.quantity, 'lineTotal', i.line_total) ORDER BY i.id)
                        FROM order_items i WHERE i.order_id = h.id), '[]'::json) AS items,
              (SELECT json_build_object('provider', p.provider, 'status', p.status, 'providerRef', p.provider_ref, 'amount', p.amount)
                 FROM pay p) AS payment,
              st.created_at AS "createdAt", st.updated_at AS "updatedAt"
       FROM h LEFT JOIN st ON true`,
);

/** Stock rows locked by a reservation attempt (for the insufficient-stock message). */
export interface LockedStock {
  product_id: string;
  on_hand: number;
  reserved: number;
}

export interface PendingReservation {
  /** Every line fitted the available stock (rows locked in product order). */
  fits: boolean;
  /** Set when the order was inserted (and its stock reserved); unset on a duplicate key or a short line. */
  order?: { id: string; number: string };
  /** Inventory rows reserved by the statement. */
  reservedRows: number;
  locked: LockedStock[];
}

/** Outcome of the one-statement settlement of a paid charge. */
export interface PaidSettlement {
  /** Status of the order when its row was locked; anything but pending means nothing was written. */
  headStatus: OrderStatus;
  headNumber: string;
  /** The order as GET /api/orders/:id shows it after the settlement (only when it was pending). */
  view?: OrderView;
  consumedRows: number;
}

/** SQL of the orders, order_items and payments tables; every method runs on the caller's manager. */
@Injectable()
export class OrderRepository {
  async findCatalogProducts(manager: EntityManager, productIds: readonly number[]): Promise<Map<string, CatalogProduct>> {
    const rows: CatalogProduct[] = await manager.query(
      `SELECT id::text AS id, sku, name, price::text AS price, currency, status, deleted_at AS "deletedAt"
       FROM products WHERE id = ANY($1::bigint[])`,
      [productIds],
    );
    return new Map(rows.map((p) => [p.id, p]));
  }

  /**
   * The order already placed with this Idempotency-Key (if any) and the catalog rows of the requested
   * products, in one round trip (the first read of POST /api/orders).
   */
  async findByKeyWithCatalog(
    manager: EntityManager,
    userId: number,
    key: string,
    productIds: readonly number[],
  ): Promise<{ existing: OrderHead | undefined; catalog: Map<string, CatalogProduct> }> {
    const rows: { head: (Omit<OrderHead, 'reservedUntil'> & { reservedUntil: string | null }) | null; catalog: CatalogProduct[] | null }[] =
      await preparedQuery(manager, FIND_BY_KEY_WITH_CATALOG, [userId, key, productIds]);
    const head = rows[0]?.head;
    const existing = head ? { ...head, reservedUntil: head.reservedUntil ? new Date(head.reservedUntil) : null } : undefined;
    const catalog = (rows[0]?.catalog ?? []).map((p) => ({ ...p, deletedAt: p.deletedAt ? new Date(p.deletedAt) : null }));
    return { existing, catalog: new Map(catalog.map((p) => [p.id, p])) };
  }

  /**
   * Transaction 1 of the order flow as ONE statement (autocommit: atomic, one round trip): locks the
   * inventory rows in product order and checks that every line fits; only then inserts the pending
   * order (ON CONFLICT on (user_id, idempotency_key) DO NOTHING: a concurrent same-key insert waits for
   * the other transaction), its lines and order.created (orderId/orderNumber merged into `createdEvent`
   * here), and reserves the stock only if the order row was inserted. A short line or a duplicate key
   * writes nothing. The inventory locks are taken in product order, before the unique-index check; the
   * check waits for any transaction that wrote a new version of a same-key order row, so every status
   * change must lock the inventory before it updates the order row (OrderTransitions.apply, settlePaid),
   * or it and a same-key twin deadlock.
   */
  async reservePending(manager: EntityManager, o: NewPendingOrder & { createdEvent: OrderEventPayload }): Promise<PendingReservation> {
    const l = o.priced.lines;
    const rows: { fits: boolean; id: string | null; number: string | null; reserved: number; locked: LockedStock[] | null }[] =
      await preparedQuery(manager, RESERVE_PENDING, [
        l.map((x) => x.productId),
        l.map((x) => x.quantity),
        o.userId,
        o.priced.currency,
        o.priced.subtotal,
        o.priced.total,
        JSON.stringify(o.shippingAddress),
        o.idempotencyKey,
        o.requestHash,
        o.reservationSeconds,
        l.map((x) => x.productId),
        l.map((x) => x.sku),
        l.map((x) => x.name),
        l.map((x) => x.unitPrice),
        l.map((x) => x.quantity),
        l.map((x) => x.lineTotal),
        JSON.stringify(o.createdEvent),
      ]);
    const r = rows[0];
    return {
      fits: r.fits,
      order: r.id && r.number ? { id: r.id, number: r.number } : undefined,
      reservedRows: r.reserved,
      locked: r.locked ?? [],
    };
  }

  /**
   * Transaction 2 of the order flow for a successful charge as ONE statement (autocommit, one round
   * trip): locks the order row, and only if it is still pending records the payment, writes the status
   * history and order.paid (`paidEvent` plus the customer, read here) + order.status_changed, locks the
   * inventory rows in product order and turns the reservation into sold stock, and only then sets the
   * order paid (`st` reads `inv`: see reservePending for why the order row is updated last). Returns the order's view from the written rows (no re-read). A non-pending order
   * (the reaper cancelled it) writes nothing.
   */
  async settlePaid(
    manager: EntityManager,
    s: { orderId: string; provider: string; providerRef: string | null; paidEvent: OrderEventPayload; statusEvent: OrderEventPayload },
  ): Promise<PaidSettlement | undefined> {
    const rows: (Omit<OrderView, 'createdAt' | 'updatedAt'> & {
      headStatus: OrderStatus;
      headNumber: string;
      consumed: number;
      createdAt: Date | null;
      updatedAt: Date | null;
    })[] = await preparedQuery(manager, SETTLE_PAID, [
      s.orderId,
      s.provider,
      s.providerRef,
      JSON.stringify(s.paidEvent),
      JSON.stringify(s.statusEvent),
    ]);
    const r = rows[0];
    if (!r) return undefined;
    const { headStatus, headNumber, consumed, createdAt, updatedAt, ...view } = r;
    return {
      headStatus,
      headNumber,
      consumedRows: consumed,
      view: createdAt && updatedAt ? { ...view, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() } : undefined,
    };
  }

  async findByIdempotencyKey(manager: EntityManager, userId: number, key: string): Promise<OrderHead | undefined> {
    const rows: OrderHead[] = await manager.query(`SELECT ${HEAD_COLUMNS} FROM orders WHERE user_id = $1 AND idempotency_key = $2`, [
      userId,
      key,
    ]);
    return rows[0];
  }

  async findHead(manager: EntityManager, orderId: string): Promise<OrderHead | undefined> {
    const rows: OrderHead[] = await manager.query(`SELECT ${HEAD_COLUMNS} FROM orders WHERE id = $1`, [orderId]);
    return rows[0];
  }

  /** Row lock on the order: every status change takes it first (then inventory, in product order). */
  async lockHead(manager: EntityManager, orderId: string): Promise<OrderHead | undefined> {
    const rows: OrderHead[] = await manager.query(`SELECT ${HEAD_COLUMNS} FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    return rows[0];
  }

  async stockLines(manager: EntityManager, orderId: string): Promise<StockLine[]> {
    const rows: { productId: string; quantity: number }[] = await manager.query(
      `SELECT product_id::text AS "productId", quantity FROM order_items WHERE order_id = $1 ORDER BY product_id`,
      [orderId],
    );
    return rows;
  }

  async setStatus(manager: EntityManager, orderId: string, status: OrderStatus): Promise<void> {
    await manager.query(
      `UPDATE orders SET status = $2::order_status, reserved_until = CASE WHEN $2::order_status = 'pending' THEN reserved_until END WHERE id = $1`,
      [orderId, status],
    );
  }

  async recordStatusChange(
    manager: EntityManager,
    orderId: string,
    from: OrderStatus,
    to: OrderStatus,
    by: { source: string; actorUserId?: string | null; reason?: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO order_status_history (order_id, from_status, to_status, actor_user_id, source, reason)
       VALUES ($1, $2::order_status, $3::order_status, $4, $5, $6)`,
      [orderId, from, to, by.actorUserId ?? null, by.source, by.reason?.slice(0, 500) ?? null],
    );
  }

  async insertPayment(manager: EntityManager, order: OrderHead, provider: string, charge: ChargeResult): Promise<void> {
    await manager.query(
      `INSERT INTO payments (order_id, provider, provider_ref, status, amount, currency, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [order.id, provider, charge.providerRef, charge.status, order.total, order.currency, charge.error?.slice(0, 500) ?? null],
    );
  }

  async lastPaymentStatus(manager: EntityManager, orderId: string): Promise<ChargeResult['status'] | undefined> {
    return (await this.lastPayment(manager, orderId))?.status;
  }

  async lastPayment(manager: EntityManager, orderId: string): Promise<Pick<ChargeResult, 'status' | 'providerRef'> | undefined> {
    const rows: Pick<ChargeResult, 'status' | 'providerRef'>[] = await manager.query(
      `SELECT status, provider_ref AS "providerRef" FROM payments WHERE order_id = $1 ORDER BY id DESC LIMIT 1`,
      [orderId],
    );
    return rows[0];
  }

  /** Pending orders whose reservation has expired (oldest first). */
  async expiredReservations(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id::text AS id FROM orders WHERE status = 'pending' AND reserved_until < now() ORDER BY reserved_until LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
