import { buildProductDocument } from '../documents/product-document';
import { compareDocument } from './verify.service';

const view = {
  id: 1,
  sku: 'S',
  name: 'N',
  slug: 's',
  description: '',
  price: 1,
  currency: 'USD',
  brand: 'B',
  category: { id: 2, slug: 'c', name: 'C', path: ['c'] },
  attributes: {},
  inStock: true,
  stock: 1,
  images: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const fields = { id: 1, status: 'active', deleted: false, version: 1, brandId: 3, brandSlug: 'b', categoryIds: [2] };

describe('compareDocument', () => {
  const expected = buildProductDocument(1, view, fields, 10);
  const asIndexed = (d: object) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>;

  it('accepts the same content written at another LSN', () => {
    expect(compareDocument(expected, asIndexed({ ...expected, indexedLsn: 99 }))).toBeUndefined();
  });
  it('reports missing, stale and not-hidden documents', () => {
    expect(compareDocument(expected, undefined)).toBe('missing');
    expect(compareDocument(expected, asIndexed({ ...expected, price: 2 }))).toBe('stale');
    const tomb = buildProductDocument(1, undefined, undefined, 10);
    expect(compareDocument(tomb, asIndexed(expected))).toBe('not-hidden');
    expect(compareDocument(tomb, undefined)).toBeUndefined();
  });
});
