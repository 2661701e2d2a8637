import type { ProductInputDto } from './dto/product-input.dto';

/**
 * The product columns create (INSERT) and update (UPDATE) both write, in this order: sku, name,
 * slug, description, price, currency, category_id, brand_id, status, attributes (jsonb text).
 * Defaults: description '', currency USD, status active.
 */
export function productRow(dto: ProductInputDto, slug: string | null, brandId: string): unknown[] {
  return [
    dto.sku,
    dto.name,
    slug,
    dto.description ?? '',
    dto.price,
    dto.currency ?? 'USD',
    dto.categoryId,
    brandId,
    dto.status ?? 'active',
    JSON.stringify(dto.attributes),
  ];
}
