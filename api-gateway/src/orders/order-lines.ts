import { UnprocessableFieldException } from '../common/errors/domain.exceptions';
import { ValidationFailedException } from '../common/errors/validation.exception';
import type { OrderEventLine } from '../events/order-events';
import { MAX_LINE_QUANTITY } from './dto/create-order.dto';
import { fromCents, toCents } from './money';

export interface RequestedLine {
  productId: number;
  quantity: number;
}

/** A line after merging duplicates; `index` is the first position in the request (for error fields). */
export interface MergedLine extends RequestedLine {
  index: number;
}

export interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  price: string;
  currency: string;
  status: string;
  deletedAt: Date | null;
}

/** A priced line is what order.created carries and order_items stores: the events' line contract. */
export type PricedLine = OrderEventLine;

export interface PricedOrder {
  currency: string;
  subtotal: string;
  total: string;
  lines: PricedLine[];
}

/**
 * Merges duplicate productIds (documented rule: quantities add up, the merged line must still be
 * <= 100) and sorts by productId: the lock order of the inventory rows.
 */
export function mergeLines(items: readonly RequestedLine[]): MergedLine[] {
  const byProduct = new Map<number, MergedLine>();
  items.forEach((item, index) => {
    const line = byProduct.get(item.productId);
    if (line) line.quantity += item.quantity;
    else byProduct.set(item.productId, { productId: item.productId, quantity: item.quantity, index });
  });
  const merged = [...byProduct.values()].sort((a, b) => a.productId - b.productId);
  const tooMany = merged.filter((l) => l.quantity > MAX_LINE_QUANTITY);
  if (tooMany.length) {
    throw new ValidationFailedException(
      tooMany.map((l) => ({
        field: `items[${l.index}].quantity`,
        message: `total quantity of product ${l.productId} over merged lines is ${l.quantity}, at most ${MAX_LINE_QUANTITY}`,
      })),
    );
  }
  return merged;
}

/**
 * Prices the lines from the catalog (client prices are never used). Unknown, inactive or deleted
 * products -> the same 422 naming items[i].productId (one message for all three, so an order
 * attempt never reveals that a draft or deleted product exists, nor its sku); mixed currencies ->
 * 422 naming items.
 */
export function priceLines(lines: readonly MergedLine[], catalog: ReadonlyMap<string, CatalogProduct>): PricedOrder {
  const priced: PricedLine[] = [];
  let subtotal = 0;
  const currencies = new Set<string>();
  for (const line of lines) {
    const product = catalog.get(String(line.productId));
    const field = `items[${line.index}].productId`;
    if (!product || product.deletedAt || product.status !== 'active')
      throw new UnprocessableFieldException(field, `product ${line.productId} is not available`);
    const unit = toCents(product.price);
    subtotal += unit * line.quantity;
    currencies.add(product.currency);
    priced.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unitPrice: fromCents(unit),
      quantity: line.quantity,
      lineTotal: fromCents(unit * line.quantity),
    });
  }
  if (currencies.size > 1)
    throw new UnprocessableFieldException('items', `products in one order must share a currency (got ${[...currencies].join(', ')})`);
  const currency = [...currencies][0] ?? 'USD';
  return { currency, subtotal: fromCents(subtotal), total: fromCents(subtotal), lines: priced };
}
