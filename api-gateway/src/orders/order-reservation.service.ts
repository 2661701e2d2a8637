import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../common/http/request-context';
import type { CreateOrderDto } from './dto/create-order.dto';
import { InsufficientStockException } from './inventory.repository';
import { CatalogProduct, MergedLine, PricedLine, priceLines } from './order-lines';
import { OrderRepository } from './order.repository';
import { eventPayload } from './order-transitions.service';

/** A pending order with its stock reserved: what the payment and the settlement need. */
export interface ReservedOrder {
  orderId: string;
  number: string;
  userId: string;
  total: string;
  currency: string;
  lines: PricedLine[];
}

export type ReservationResult = ({ kind: 'created' } & ReservedOrder) | { kind: 'duplicate-key' };

export interface ReservationRequest {
  user: AuthenticatedUser;
  dto: CreateOrderDto;
  lines: MergedLine[];
  idempotencyKey: string;
  requestHash: string;
  reservationSeconds: number;
  /** Catalog rows of the lines' products when the caller already read them (saves a round trip). */
  catalog?: ReadonlyMap<string, CatalogProduct>;
}

/**
 * First transaction of the order flow: price from the catalog, then ONE statement (atomic, one round
 * trip; OrderRepository.reservePending) that locks the inventory rows in product order, checks every
 * line, inserts the pending order (the unique (user_id, idempotency_key) serializes same-key requests),
 * its lines and order.created, and reserves the stock. A short line or a duplicate key writes nothing.
 */
@Injectable()
export class OrderReservationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
  ) {}

  async reserve(r: ReservationRequest): Promise<ReservationResult> {
    const manager = this.dataSource.manager;
    const catalog =
      r.catalog ??
      (await this.orders.findCatalogProducts(
        manager,
        r.lines.map((l) => l.productId),
      ));
    const priced = priceLines(r.lines, catalog);
    const address = { ...r.dto.shippingAddress, country: r.dto.shippingAddress.country.toUpperCase() };
    const userId = String(r.user.id);
    // orderId and orderNumber are set by the statement (the order row's own values)
    const head = {
      id: '',
      number: '',
      userId,
      status: 'pending' as const,
      currency: priced.currency,
      total: priced.total,
      requestHash: null,
      reservedUntil: null,
    };
    const result = await this.orders.reservePending(manager, {
      userId: r.user.id,
      priced,
      shippingAddress: address,
      idempotencyKey: r.idempotencyKey,
      requestHash: r.requestHash,
      reservationSeconds: r.reservationSeconds,
      createdEvent: eventPayload(head, 'pending', { items: priced.lines }),
    });
    if (result.order) {
      if (result.reservedRows !== priced.lines.length) {
        // cannot happen: the rows were locked and checked by the same statement
        throw new Error(`order ${result.order.number}: reserved ${result.reservedRows} of ${priced.lines.length} inventory rows`);
      }
      return {
        kind: 'created',
        orderId: result.order.id,
        number: result.order.number,
        userId,
        total: priced.total,
        currency: priced.currency,
        lines: priced.lines,
      };
    }
    if (result.fits) return { kind: 'duplicate-key' };
    // a short line; but a same-key twin that committed while this statement waited for the stock locks
    // (and took the stock) makes this request a replay, as a duplicate key found first would
    if (await this.orders.findByIdempotencyKey(manager, r.user.id, r.idempotencyKey)) return { kind: 'duplicate-key' };
    const locked = new Map(result.locked.map((row) => [row.product_id, row]));
    priced.lines.forEach((line, i) => {
      const row = locked.get(line.productId);
      const available = row ? row.on_hand - row.reserved : 0;
      if (available < line.quantity) {
        throw new InsufficientStockException(
          `items[${r.lines[i].index}].productId`,
          line.productId,
          line.sku,
          line.quantity,
          Math.max(available, 0),
        );
      }
    });
    throw new Error('inventory reservation wrote nothing although every line fits');
  }
}
