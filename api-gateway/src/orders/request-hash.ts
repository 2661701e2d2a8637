import { createHash } from 'crypto';
import type { CreateOrderDto } from './dto/create-order.dto';
import { mergeLines } from './order-lines';

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 of the meaningful request: merged lines (ignored client prices left out), the address and
 * the payment. Same key + same hash = a replay; same key + other hash = 422.
 */
export function orderRequestHash(dto: CreateOrderDto): string {
  const lines = mergeLines(dto.items).map((l) => [l.productId, l.quantity]);
  const a = dto.shippingAddress;
  const canonical = canonicalJson({
    items: lines,
    shippingAddress: {
      name: a.name,
      line1: a.line1,
      line2: a.line2 || undefined,
      city: a.city,
      postalCode: a.postalCode,
      country: a.country.toUpperCase(),
    },
    payment: { method: dto.payment.method, token: dto.payment.token },
  });
  return createHash('sha256').update(canonical).digest('hex');
}
