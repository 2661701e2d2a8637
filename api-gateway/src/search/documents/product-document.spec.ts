import type { ProductView } from '../../catalog/product.view';
import { buildProductDocument, documentChecksum, ProductSearchFields } from './product-document';

const view: ProductView = {
  id: 5,
  sku: 'SKU-5',
  name: 'Red tee',
  slug: 'red-tee',
  description: 'Cotton',
  price: 19.99,
  currency: 'USD',
  brand: 'Acme',
  category: { id: 3, slug: 'tees', name: 'Tees', path: ['clothing', 'tees'] },
  attributes: { size: 'M', weight: 200 },
  inStock: true,
  stock: 4,
  images: ['/media/a.jpg'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};
const fields: ProductSearchFields = {
  id: 5,
  status: 'active',
  deleted: false,
  version: 3,
  brandId: 9,
  brandSlug: 'acme-inc',
  categoryIds: [1, 3],
};

describe('buildProductDocument', () => {
  it('denormalizes the view with filter fields', () => {
    const doc = buildProductDocument(5, view, fields, 100);
    expect(doc.visible).toBe(true);
    expect(doc.brandKey).toEqual(['acme', 'acme-inc']);
    expect(doc.categoryIds).toEqual([1, 3]);
    expect(doc.attrPairs).toEqual(['size=m', 'weight=200']);
    expect(doc.attributes).toEqual({ size: 'M', weight: 200 }); // the stored values are untouched
    expect(doc.indexedLsn).toBe(100);
  });

  it.each([
    ['missing row', undefined, undefined],
    ['soft-deleted', view, { ...fields, deleted: true }],
    ['draft', view, { ...fields, status: 'draft' }],
  ])('writes a tombstone for a %s', (_label, v, f) => {
    const doc = buildProductDocument(5, v as ProductView | undefined, f as ProductSearchFields | undefined, 7);
    expect(doc).toMatchObject({ id: 5, visible: false, deleted: true, indexedLsn: 7 });
    expect(doc.name).toBeUndefined();
  });

  it('folds attribute values to one case for facets and filters', () => {
    const beige = buildProductDocument(5, { ...view, attributes: { color: ' Beige ' } }, fields, 1);
    const lower = buildProductDocument(6, { ...view, attributes: { color: 'beige' } }, fields, 1);
    expect(beige.attrPairs).toEqual(['color=beige']);
    expect(lower.attrPairs).toEqual(beige.attrPairs);
  });

  it('checksums content, not the version bookkeeping', () => {
    const a = buildProductDocument(5, view, fields, 100);
    const b = buildProductDocument(5, view, fields, 200);
    expect(documentChecksum(a)).toBe(documentChecksum(b));
    expect(documentChecksum(a)).not.toBe(documentChecksum(buildProductDocument(5, { ...view, price: 20 }, fields, 100)));
  });

  it('checksum ignores key order (ES returns _source keys in any order)', () => {
    const doc = buildProductDocument(5, view, fields, 1) as unknown as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(doc).reverse());
    expect(documentChecksum(reversed)).toBe(documentChecksum(doc));
  });
});
