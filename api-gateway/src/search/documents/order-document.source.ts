import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SqlRunner } from '../wal-lsn';

export interface OrderDocument {
  id: number;
  deleted: boolean;
  indexedLsn: number;
  number?: string;
  userId?: number;
  status?: string;
  currency?: string;
  subtotal?: number;
  total?: number;
  itemCount?: number;
  quantity?: number;
  country?: string;
  items?: Array<{ productId: number | null; sku: string; name: string; unitPrice: number; quantity: number; lineTotal: number }>;
  createdAt?: string;
  updatedAt?: string;
}

interface OrderRow {
  id: string;
  number: string;
  user_id: string;
  status: string;
  currency: string;
  subtotal: string;
  total: string;
  country: string | null;
  created_at: Date;
  updated_at: Date;
}
interface ItemRow {
  order_id: string;
  product_id: string | null;
  sku: string;
  name: string;
  unit_price: string;
  quantity: number;
  line_total: string;
}

/** Read-only analytics documents for the `orders` index (re-read from PostgreSQL, like products). */
@Injectable()
export class OrderDocumentSource {
  constructor(@InjectDataSource() private readonly db: SqlRunner) {}

  async load(ids: number[], lsn: number): Promise<OrderDocument[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const orders = (await this.db.query(
      `SELECT id, number, user_id, status::text AS status, currency, subtotal, total,
              shipping_address ->> 'country' AS country, created_at, updated_at
         FROM orders WHERE id = ANY($1::bigint[])`,
      [unique],
    )) as OrderRow[];
    const items = (await this.db.query(
      `SELECT order_id, product_id, sku, name, unit_price, quantity, line_total
         FROM order_items WHERE order_id = ANY($1::bigint[]) ORDER BY id`,
      [unique],
    )) as ItemRow[];
    const byOrder = new Map<number, ItemRow[]>();
    for (const it of items) byOrder.set(Number(it.order_id), [...(byOrder.get(Number(it.order_id)) ?? []), it]);
    const found = new Map(orders.map((o) => [Number(o.id), o]));
    return unique.map((id): OrderDocument => {
      const o = found.get(id);
      if (!o) return { id, deleted: true, indexedLsn: lsn };
      const lines = byOrder.get(id) ?? [];
      return {
        id,
        deleted: false,
        indexedLsn: lsn,
        number: o.number,
        userId: Number(o.user_id),
        status: o.status,
        currency: o.currency.trim(),
        subtotal: Number(o.subtotal),
        total: Number(o.total),
        itemCount: lines.length,
        quantity: lines.reduce((n, l) => n + l.quantity, 0),
        country: o.country ?? undefined,
        items: lines.map((l) => ({
          productId: l.product_id === null ? null : Number(l.product_id),
          sku: l.sku,
          name: l.name,
          unitPrice: Number(l.unit_price),
          quantity: l.quantity,
          lineTotal: Number(l.line_total),
        })),
        createdAt: new Date(o.created_at).toISOString(),
        updatedAt: new Date(o.updated_at).toISOString(),
      };
    });
  }
}
