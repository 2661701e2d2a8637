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
 * Inventory changes of status transitions (the reservation of a new order is part of
 * OrderRepository.reservePending's statement, the paid settlement's of settlePaid's). Every change locks the rows with `ORDER BY product_id FOR
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
