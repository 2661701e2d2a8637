import { Module } from '@nestjs/common';
import { CatalogReadModule } from '../catalog/catalog-read.module';
import { ProductSearch } from '../catalog/product-search';
import { AppConfig } from '../config/app-config';
import { EsProductSearchService } from './backends/es-product-search.service';
import { PgProductSearchService } from './backends/pg-product-search.service';
import { CategoriesController } from './categories.controller';
import { CategoryTreeService } from './category-tree.service';
import { ConsistencyTokenInterceptor } from './consistency/consistency-token.interceptor';
import { ConsistencyService } from './consistency/consistency.service';
import { ProductListService } from './product-list.service';
import { CircuitBreaker } from './resilience/circuit-breaker';
import { ResilientProductSearch } from './resilient-product-search.service';
import { pickSearchBackend } from './search-backend';
import { SearchCoreModule } from './search-core.module';
import { SearchSettings } from './search.settings';
import { SuggestService } from './suggest.service';

/**
 * Product search, its one owner: both backends and the choice between them (ProductSearch), the
 * cached list path shared by REST and GraphQL (ProductListService), suggest, the category tree,
 * read-your-writes, and the circuit breaker of the search node.
 */
@Module({
  imports: [SearchCoreModule, CatalogReadModule],
  controllers: [CategoriesController],
  providers: [
    EsProductSearchService,
    PgProductSearchService,
    ResilientProductSearch,
    {
      provide: ProductSearch,
      inject: [SearchSettings, AppConfig, ResilientProductSearch, PgProductSearchService],
      useFactory: (s: SearchSettings, cfg: AppConfig, es: ResilientProductSearch, pg: PgProductSearchService) =>
        pickSearchBackend(s, cfg, { elasticsearch: es, postgres: pg }),
    },
    ProductListService,
    SuggestService,
    CategoryTreeService,
    ConsistencyService,
    ConsistencyTokenInterceptor,
    // one breaker per process for the search node (REST, GraphQL, suggest, consistentWith and /health/ready share its state)
    {
      provide: CircuitBreaker,
      inject: [SearchSettings],
      useFactory: (s: SearchSettings) =>
        new CircuitBreaker({ failureThreshold: s.SEARCH_BREAKER_FAILURES, openMs: s.SEARCH_BREAKER_OPEN_MS }),
    },
  ],
  exports: [
    ProductSearch,
    ProductListService,
    EsProductSearchService,
    SuggestService,
    CategoryTreeService,
    ConsistencyService,
    ConsistencyTokenInterceptor,
    CircuitBreaker,
  ],
})
export class SearchModule {}
