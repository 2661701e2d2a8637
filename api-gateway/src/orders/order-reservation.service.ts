import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../common/http/request-context';
import { OutboxWriter } from '../events/outbox.writer';
import type { CreateOrderDto } from './dto/create-order.dto';
import { InventoryRepository } from './inventory.repository';
import { MergedLine, priceLines } from './order-lines';
import { OrderRepository } from './order.repository';
import { eventPayload } from './order-transitions.service';

export type ReservationResult =
  { kind: 'created'; orderId: string; number: string; total: string; currency: string } | { kind: 'duplicate-key' };

export interface ReservationRequest {
  user: AuthenticatedUser;
  dto: CreateOrderDto;
  lines: MergedLine[];
  idempotencyKey: string;
  requestHash: string;
  reservationSeconds: number;
}

/**
 * First transaction of the order flow: price from the catalog, insert the pending order (the
 * unique (user_id, idempotency_key) serializes same-key requests), reserve stock with the
 * inventory rows locked in product order, snapshot the lines, write order.created.
 * Any failure rolls everything back: no partial writes.
 */
@Injectable()
export class OrderReservationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async reserve(r: ReservationRequest): Promise<ReservationResult> {
    return this.dataSource.transaction(async (m) => {
      const catalog = await this.orders.findCatalogProducts(
        m,
        r.lines.map((l) => l.productId),
      );
      const priced = priceLines(r.lines, catalog);
      const address = { ...r.dto.shippingAddress, country: r.dto.shippingAddress.country.toUpperCase() };
      const order = await this.orders.insertPending(m, {
        userId: r.user.id,
        priced,
        shippingAddress: address,
        idempotencyKey: r.idempotencyKey,
        requestHash: r.requestHash,
        reservationSeconds: r.reservationSeconds,
      });
      if (!order) return { kind: 'duplicate-key' };
      await this.orders.insertItems(m, order.id, priced);
      const head = {
        id: order.id,
        number: order.number,
        userId: String(r.user.id),
        status: 'pending' as const,
        currency: priced.currency,
        total: priced.total,
        requestHash: r.requestHash,
        reservedUntil: null,
      };
      await this.outbox.append(m, [{ type: 'order.created', payload: eventPayload(head, 'pending', { items: priced.lines }) }]);
      // inventory last (locks in product order): hot rows stay locked only until the commit
      await this.inventory.reserve(
        m,
        priced.lines.map((l, i) => ({
          productId: l.productId,
          quantity: l.quantity,
          sku: l.sku,
          field: `items[${r.lines[i].index}].productId`,
        })),
      );
      return { kind: 'created', orderId: order.id, number: order.number, total: priced.total, currency: priced.currency };
    });
  }
}
