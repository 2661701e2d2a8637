import type { ProductPage } from './product.view';
import type { ProductQuery } from './product-query';

/**
 * The product search contract behind GET /api/products and GraphQL `products`. The backends and
 * the choice between them live in search/ (Elasticsearch behind a circuit breaker, PostgreSQL as
 * the fallback and under SEARCH_BACKEND=postgres); callers depend on this class only.
 */
export abstract class ProductSearch {
  abstract search(query: ProductQuery): Promise<ProductPage>;
}
