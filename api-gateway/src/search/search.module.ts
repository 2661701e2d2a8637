import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { CategoryTreeService } from './category-tree.service';
import { EsProductSearchService } from './es-product-search.service';
import { SearchCoreModule } from './search-core.module';
import { SuggestService } from './suggest.service';
import { CircuitBreaker } from './resilience/circuit-breaker';
import { SearchSettings } from './search.settings';
import { ConsistencyService } from './consistency/consistency.service';
import { ConsistencyTokenInterceptor } from './consistency/consistency-token.interceptor';

/** Search API pieces: the ES-backed product search, suggest and the category tree endpoint. */
@Module({
  imports: [SearchCoreModule],
  controllers: [CategoriesController],
  providers: [
    EsProductSearchService, SuggestService, CategoryTreeService, ConsistencyService, ConsistencyTokenInterceptor,
    // one breaker per process for the search node (REST, GraphQL, suggest and /health/ready share its state)
    {
      provide: CircuitBreaker,
      inject: [SearchSettings],
      useFactory: (s: SearchSettings) => new CircuitBreaker({ failureThreshold: s.SEARCH_BREAKER_FAILURES, openMs: s.SEARCH_BREAKER_OPEN_MS }),
    },
  ],
  exports: [EsProductSearchService, SuggestService, CategoryTreeService, ConsistencyService, ConsistencyTokenInterceptor, CircuitBreaker],
})
export class SearchModule {}
