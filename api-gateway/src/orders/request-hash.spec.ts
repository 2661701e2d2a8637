import type { CreateOrderDto } from './dto/create-order.dto';
import { canonicalJson, orderRequestHash } from './request-hash';

const body = (over: Partial<CreateOrderDto> = {}): CreateOrderDto => ({
  items: [
    { productId: 2, quantity: 1 },
    { productId: 1, quantity: 2 },
  ],
  shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
  payment: { method: 'card', token: 'tok_success' },
  ...over,
});

describe('orderRequestHash', () => {
  it('sorts keys canonically', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });

  it('is stable across line order and ignored client prices', () => {
    const reordered = body({
      items: [
        { productId: 1, quantity: 2, price: 0.01 },
        { productId: 2, quantity: 1 },
      ],
    });
    expect(orderRequestHash(reordered)).toBe(orderRequestHash(body()));
    expect(orderRequestHash(body())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with quantity, address or token', () => {
    const base = orderRequestHash(body());
    expect(
      orderRequestHash(
        body({
          items: [
            { productId: 1, quantity: 3 },
            { productId: 2, quantity: 1 },
          ],
        }),
      ),
    ).not.toBe(base);
    expect(orderRequestHash(body({ shippingAddress: { ...body().shippingAddress, city: 'X' } }))).not.toBe(base);
    expect(orderRequestHash(body({ payment: { method: 'card', token: 'tok_decline' } }))).not.toBe(base);
  });
});
