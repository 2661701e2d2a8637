import type { ProductPage } from './dto/product.view';
import type { ProductQuery } from './product-query';

/**
 * Search abstraction behind GET /api/products. The PostgreSQL implementation is bound today;
 * an Elasticsearch implementation can replace the provider without touching controller/service.
 */
export abstract class ProductSearchService {
  abstract search(query: ProductQuery): Promise<ProductPage>;
}
