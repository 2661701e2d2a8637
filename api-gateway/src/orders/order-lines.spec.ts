import { UnprocessableFieldException } from '../common/errors/domain.exceptions';
import { ValidationFailedException } from '../common/errors/validation.exception';
import { fromCents, toCents } from './money';
import { CatalogProduct, mergeLines, priceLines } from './order-lines';

const product = (id: number, price: string, extra: Partial<CatalogProduct> = {}): CatalogProduct => ({
  id: String(id),
  sku: `SKU-${id}`,
  name: `Product ${id}`,
  price,
  currency: 'USD',
  status: 'active',
  deletedAt: null,
  ...extra,
});
const catalog = (...products: CatalogProduct[]) => new Map(products.map((p) => [p.id, p]));

describe('money', () => {
  it('round-trips cents without float drift', () => {
    expect(toCents('19.99')).toBe(1999);
    expect(toCents('5')).toBe(500);
    expect(toCents('0.5')).toBe(50);
    expect(fromCents(1999 * 3)).toBe('59.97');
    expect(fromCents(5)).toBe('0.05');
  });
});

describe('mergeLines', () => {
  it('merges duplicates and sorts by product id (lock order)', () => {
    expect(
      mergeLines([
        { productId: 9, quantity: 1 },
        { productId: 3, quantity: 2 },
        { productId: 9, quantity: 4 },
      ]),
    ).toEqual([
      { productId: 3, quantity: 2, index: 1 },
      { productId: 9, quantity: 5, index: 0 },
    ]);
  });

  it('rejects a merged quantity above 100 naming the first line', () => {
    const run = () =>
      mergeLines([
        { productId: 1, quantity: 60 },
        { productId: 1, quantity: 41 },
      ]);
    expect(run).toThrow(ValidationFailedException);
    try {
      run();
    } catch (e) {
      expect((e as ValidationFailedException).details[0].field).toBe('items[0].quantity');
    }
  });
});

describe('priceLines', () => {
  it('uses catalog prices and sums in cents', () => {
    const order = priceLines(
      mergeLines([
        { productId: 1, quantity: 3 },
        { productId: 2, quantity: 1 },
      ]),
      catalog(product(1, '0.10'), product(2, '19.99')),
    );
    expect(order.lines.map((l) => l.lineTotal)).toEqual(['0.30', '19.99']);
    expect(order.total).toBe('20.29');
    expect(order.currency).toBe('USD');
  });

  it.each([
    ['unknown', catalog()],
    ['deleted', catalog(product(1, '1.00', { deletedAt: new Date() }))],
    ['draft', catalog(product(1, '1.00', { status: 'draft' }))],
  ])('rejects a %s product naming items[i].productId, with one message for all (issue 9, F10)', (_kind, cat) => {
    try {
      priceLines([{ productId: 1, quantity: 1, index: 4 }], cat);
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(UnprocessableFieldException);
      expect((e as UnprocessableFieldException).field).toBe('items[4].productId');
      expect((e as UnprocessableFieldException).message).toBe('product 1 is not available'); // no sku, no "does not exist"
    }
  });

  it('rejects mixed currencies', () => {
    expect(() =>
      priceLines(
        mergeLines([
          { productId: 1, quantity: 1 },
          { productId: 2, quantity: 1 },
        ]),
        catalog(product(1, '1.00'), product(2, '1.00', { currency: 'EUR' })),
      ),
    ).toThrow(/currency/);
  });
});
