import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEventLine } from '../events/order-events';
import type { ChargeResult } from '../payments/payment-provider';
import type { CatalogProduct, PricedOrder } from './order-lines';
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

  /**
   * Inserts the pending order, or returns undefined when the user already has an order with this
   * Idempotency-Key. A concurrent insert of the same key blocks here until the other transaction
   * ends, which serializes same-key requests without any extra lock.
   */
  async insertPending(manager: EntityManager, o: NewPendingOrder): Promise<{ id: string; number: string } | undefined> {
    const rows: { id: string; number: string }[] = await manager.query(
      `WITH n AS (SELECT nextval(pg_get_serial_sequence('orders', 'id')) AS id)
       INSERT INTO orders (id, number, user_id, status, currency, subtotal, total, shipping_address,
                           idempotency_key, request_hash, reserved_until)
       SELECT n.id, 'ORD-' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(n.id::text, 6, '0'),
              $1, 'pending', $2, $3, $4, $5::jsonb, $6, $7, now() + make_interval(secs => $8)
       FROM n
       ON CONFLICT (user_id, idempotency_key) DO NOTHING
       RETURNING id::text AS id, number`,
      [
        o.userId,
        o.priced.currency,
        o.priced.subtotal,
        o.priced.total,
        JSON.stringify(o.shippingAddress),
        o.idempotencyKey,
        o.requestHash,
        o.reservationSeconds,
      ],
    );
    return rows[0];
  }

  async insertItems(manager: EntityManager, orderId: string, priced: PricedOrder): Promise<void> {
    const l = priced.lines;
    await manager.query(
      `INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity, line_total)
       SELECT $1, x.product_id, x.sku, x.name, x.unit_price, x.quantity, x.line_total
       FROM unnest($2::bigint[], $3::varchar[], $4::varchar[], $5::numeric[], $6::int[], $7::numeric[])
            AS x(product_id, sku, name, unit_price, quantity, line_total)`,
      [
        orderId,
        l.map((x) => x.productId),
        l.map((x) => x.sku),
        l.map((x) => x.name),
        l.map((x) => x.unitPrice),
        l.map((x) => x.quantity),
        l.map((x) => x.lineTotal),
      ],
    );
  }

  async stockLines(manager: EntityManager, orderId: string): Promise<StockLine[]> {
    const rows: { productId: string; quantity: number }[] = await manager.query(
      `SELECT product_id::text AS "productId", quantity FROM order_items WHERE order_id = $1 ORDER BY product_id`,
      [orderId],
    );
    return rows;
  }

  /** Lines and recipient of an order in one round trip (payload of order.paid). */
  async paidEventData(
    manager: EntityManager,
    orderId: string,
    userId: string,
  ): Promise<{ items: OrderEventLine[]; customer: { email: string; name: string } }> {
    const rows: { items: OrderEventLine[] | null; email: string | null; name: string | null }[] = await manager.query(
      `SELECT (SELECT json_agg(json_build_object('productId', i.product_id::text, 'sku', i.sku, 'name', i.name,
                 'unitPrice', i.unit_price::text, 'quantity', i.quantity, 'lineTotal', i.line_total::text) ORDER BY i.id)
                 FROM order_items i WHERE i.order_id = $1) AS items,
              u.email, u.name
       FROM users u WHERE u.id = $2`,
      [orderId, userId],
    );
    return { items: rows[0]?.items ?? [], customer: { email: rows[0]?.email ?? '', name: rows[0]?.name ?? '' } };
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
    const rows: { status: ChargeResult['status'] }[] = await manager.query(
      `SELECT status FROM payments WHERE order_id = $1 ORDER BY id DESC LIMIT 1`,
      [orderId],
    );
    return rows[0]?.status;
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
