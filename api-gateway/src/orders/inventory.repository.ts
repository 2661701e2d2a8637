import { ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StockLine {
  productId: string;
  quantity: number;
}

interface LockedRow {
  product_id: string;
  on_hand: number;
  reserved: number;
}

/** Thrown when a line cannot be reserved; the message and the field name the product. */
export class InsufficientStockException extends ConflictException {
  constructor(
    readonly field: string,
    readonly productId: string,
    sku: string,
    requested: number,
    available: number,
  ) {
    super(`Insufficient stock for product ${productId} (${sku}): requested ${requested}, available ${available}`);
  }
  get details() {
    return [{ field: this.field, message: this.message }];
  }
}

/**
 * Inventory changes of the order flow. Every change locks the rows with `ORDER BY product_id FOR
 * UPDATE` before it updates them (same statement), so concurrent transactions take locks in the same
 * order and cannot deadlock; the CHECK (reserved <= on_hand, both >= 0) is the last line of defence.
 */
@Injectable()
export class InventoryRepository {
  async lock(manager: EntityManager, productIds: readonly string[]): Promise<Map<string, LockedRow>> {
    const rows: LockedRow[] = await manager.query(
      `SELECT product_id::text AS product_id, on_hand, reserved FROM inventory
       WHERE product_id = ANY($1::bigint[]) ORDER BY product_id FOR UPDATE`,
      [productIds],
    );
    return new Map(rows.map((r) => [r.product_id, r]));
  }

  /**
   * Reserves every line or throws InsufficientStockException for the first short one. One round
   * trip: the rows are locked in product order (materialized CTE, evaluated first through the
   * UPDATE's init plan), checked, and updated only if every line fits; the hot rows are then held
   * for this statement and the COMMIT only.
   */
  async reserve(manager: EntityManager, lines: readonly (StockLine & { sku: string; field: string })[]): Promise<void> {
    const rows: Array<LockedRow & { updated: number }> = await manager.query(
      `WITH d AS (SELECT * FROM unnest($1::bigint[], $2::int[]) AS d(product_id, q)),
       locked AS MATERIALIZED (
         SELECT i.product_id, i.on_hand, i.reserved FROM inventory i
         WHERE i.product_id IN (SELECT product_id FROM d) ORDER BY i.product_id FOR UPDATE),
       fits AS (SELECT count(l.product_id) = count(*) AND coalesce(bool_and(l.on_hand - l.reserved >= d.q), false) AS ok
                FROM d LEFT JOIN locked l USING (product_id)),
       upd AS (UPDATE inventory i SET reserved = i.reserved + d.q, version = i.version + 1, updated_at = now()
               FROM d WHERE i.product_id = d.product_id AND (SELECT ok FROM fits) RETURNING i.product_id)
       SELECT l.product_id::text AS product_id, l.on_hand, l.reserved, (SELECT count(*) FROM upd)::int AS updated FROM locked l`,
      [lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
    if (rows.length && rows[0].updated === lines.length) return;
    const locked = new Map(rows.map((r) => [r.product_id, r]));
    for (const line of lines) {
      const row = locked.get(line.productId);
      const available = row ? row.on_hand - row.reserved : 0;
      if (available < line.quantity) {
        throw new InsufficientStockException(line.field, line.productId, line.sku, line.quantity, Math.max(available, 0));
      }
    }
    throw new Error('inventory reservation updated no row although every line fits');
  }

  /** Pending order given up: the reservation goes back to the available stock. */
  async release(manager: EntityManager, lines: readonly StockLine[]): Promise<void> {
    await this.lockAndApply(manager, lines, 'reserved = i.reserved - d.q');
  }

  /** Paid order: reserved stock becomes sold. */
  async consume(manager: EntityManager, lines: readonly StockLine[]): Promise<void> {
    await this.lockAndApply(manager, lines, 'on_hand = i.on_hand - d.q, reserved = i.reserved - d.q');
  }

  /** Paid order cancelled or refunded before shipping: the goods are back on the shelf. */
  async restock(manager: EntityManager, lines: readonly StockLine[]): Promise<void> {
    await this.lockAndApply(manager, lines, 'on_hand = i.on_hand + d.q');
  }

  /** Locks the rows in product order and applies `set`, in one statement (one round trip under the lock). */
  private async lockAndApply(manager: EntityManager, lines: readonly StockLine[], set: string): Promise<void> {
    await manager.query(
      `WITH d AS (SELECT * FROM unnest($1::bigint[], $2::int[]) AS d(product_id, q)),
       locked AS MATERIALIZED (
         SELECT i.product_id FROM inventory i WHERE i.product_id IN (SELECT product_id FROM d) ORDER BY i.product_id FOR UPDATE)
       UPDATE inventory i SET ${set}, version = i.version + 1, updated_at = now()
       FROM d WHERE i.product_id = d.product_id AND (SELECT count(*) FROM locked) >= 0`,
      [lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
  }
}
