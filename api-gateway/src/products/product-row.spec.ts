import type { ProductInputDto } from './dto/product-input.dto';
import { productRow } from './product-row';

describe('productRow (the column values create and update both write)', () => {
  const dto: ProductInputDto = {
    sku: 'SKU-1',
    name: 'Blue tee',
    description: 'soft',
    price: 19.5,
    currency: 'EUR',
    categoryId: 7,
    brand: 'Acme',
    status: 'draft',
    attributes: { size: 'M', weight: 200 },
  };

  it('lists sku, name, slug, description, price, currency, category, brand id, status, attributes in order', () => {
    expect(productRow(dto, 'blue-tee', '42')).toEqual([
      'SKU-1',
      'Blue tee',
      'blue-tee',
      'soft',
      19.5,
      'EUR',
      7,
      '42',
      'draft',
      '{"size":"M","weight":200}',
    ]);
  });

  it('fills the defaults (description empty, USD, active) and passes a null slug through', () => {
    const bare: ProductInputDto = { sku: 'S', name: 'N', price: 1, categoryId: 1, brand: 'B', attributes: {} };
    expect(productRow(bare, null, '3')).toEqual(['S', 'N', null, '', 1, 'USD', 1, '3', 'active', '{}']);
  });
});
