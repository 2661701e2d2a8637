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
  constructor(readonly field: string, readonly productId: string, sku: string, requested: number, available: number) {
    super(`Insufficient stock for product ${productId} (${sku}): requested ${requested}, available ${available}`);
  }
  get details() {
    return [{ field: this.field, message: this.message }];
  }
}

/**
 * Inventory changes of the order flow. Every method first locks the rows with
 * `ORDER BY product_id FOR UPDATE`, so concurrent transactions take locks in the same order and
 * cannot deadlock; the CHECK (reserved <= on_hand, both >= 0) is the last line of defence.
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

  /** Reserves every line or throws InsufficientStockException for the first short one. */
  async reserve(
    manager: EntityManager,
    lines: readonly (StockLine & { sku: string; field: string })[],
  ): Promise<void> {
    const locked = await this.lock(manager, sortedIds(lines));
    for (const line of lines) {
      const row = locked.get(line.productId);
      const available = row ? row.on_hand - row.reserved : 0;
      if (available < line.quantity) {
        throw new InsufficientStockException(line.field, line.productId, line.sku, line.quantity, Math.max(available, 0));
      }
    }
    await this.apply(manager, lines, 'reserved = i.reserved + d.q');
  }

  /** Pending order given up: the reservation goes back to the available stock. */
  async release(manager: EntityManager, lines: readonly StockLine[]): Promise<void> {
    await this.lock(manager, sortedIds(lines));
    await this.apply(manager, lines, 'reserved = i.reserved - d.q');
  }

  /** Paid order: reserved stock becomes sold. */
  async consume(manager: EntityManager, lines: readonly StockLine[]): Promise<void> {
    await this.lock(manager, sortedIds(lines));
    await this.apply(manager, lines, 'on_hand = i.on_hand - d.q, reserved = i.reserved - d.q');
  }

  /** Paid order cancelled or refunded before shipping: the goods are back on the shelf. */
  async restock(manager: EntityManager, lines: readonly StockLine[]): Promise<void> {
    await this.lock(manager, sortedIds(lines));
    await this.apply(manager, lines, 'on_hand = i.on_hand + d.q');
  }

  private async apply(manager: EntityManager, lines: readonly StockLine[], set: string): Promise<void> {
    await manager.query(
      `UPDATE inventory i SET ${set}, version = i.version + 1, updated_at = now()
       FROM unnest($1::bigint[], $2::int[]) AS d(product_id, q)
       WHERE i.product_id = d.product_id`,
      [lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
  }
}

function sortedIds(lines: readonly StockLine[]): string[] {
  return lines.map((l) => l.productId).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}
