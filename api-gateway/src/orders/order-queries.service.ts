import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../common/http/request-context';
import type { OrderStatus } from './order-status';

export interface OrderLineView {
  productId: number;
  sku: string;
  name: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface OrderView {
  id: number;
  number: string;
  userId: number;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  total: number;
  shippingAddress: Record<string, string>;
  items: OrderLineView[];
  payment: { provider: string; status: string; providerRef: string | null; amount: number } | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderPage {
  items: OrderView[];
  total: number;
  page: number;
  pageSize: number;
}

const VIEW_SELECT = `
  SELECT o.id::int AS id, o.number, o.user_id::int AS "userId", o.status, o.currency,
         o.subtotal::float8 AS subtotal, o.total::float8 AS total, o.shipping_address AS "shippingAddress",
         COALESCE((SELECT json_agg(json_build_object('productId', i.product_id, 'sku', i.sku, 'name', i.name,
                    'unitPrice', i.unit_price, 'quantity', i.quantity, 'lineTotal', i.line_total) ORDER BY i.id)
                   FROM order_items i WHERE i.order_id = o.id), '[]'::json) AS items,
         (SELECT json_build_object('provider', p.provider, 'status', p.status, 'providerRef', p.provider_ref, 'amount', p.amount)
            FROM payments p WHERE p.order_id = o.id ORDER BY p.id DESC LIMIT 1) AS payment,
         o.created_at AS "createdAt", o.updated_at AS "updatedAt"
  FROM orders o`;

interface ViewRow extends Omit<OrderView, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

const toView = (r: ViewRow): OrderView => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

/** Read side: a customer sees only their orders (others are 404, not 403); an admin sees all. */
@Injectable()
export class OrderQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  async view(orderId: string | number): Promise<OrderView> {
    const rows: ViewRow[] = await this.dataSource.query(`${VIEW_SELECT} WHERE o.id = $1`, [orderId]);
    if (!rows[0]) throw new NotFoundException(`Order ${orderId} not found`);
    return toView(rows[0]);
  }

  async findVisible(principal: AuthenticatedUser, orderId: number): Promise<OrderView> {
    const rows: ViewRow[] = await this.dataSource.query(`${VIEW_SELECT} WHERE o.id = $1 AND ($2::bigint IS NULL OR o.user_id = $2)`, [
      orderId,
      principal.role === 'admin' ? null : principal.id,
    ]);
    if (!rows[0]) throw new NotFoundException(`Order ${orderId} not found`);
    return toView(rows[0]);
  }

  /** The caller's own orders, newest first. */
  async listMine(principal: AuthenticatedUser, page: number, pageSize: number): Promise<OrderPage> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(`${VIEW_SELECT} WHERE o.user_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT $2 OFFSET $3`, [
        principal.id,
        pageSize,
        (page - 1) * pageSize,
      ]) as Promise<ViewRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM orders WHERE user_id = $1`, [principal.id]) as Promise<{ n: number }[]>,
    ]);
    return { items: rows.map(toView), total: count[0].n, page, pageSize };
  }
}
