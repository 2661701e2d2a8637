import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { CategoryTreeService } from './category-tree.service';
import { EsProductSearchService } from './es-product-search.service';
import { SearchCoreModule } from './search-core.module';
import { SuggestService } from './suggest.service';
import { ConsistencyService } from './consistency/consistency.service';
import { ConsistencyTokenInterceptor } from './consistency/consistency-token.interceptor';

/** Search API pieces: the ES-backed product search, suggest and the category tree endpoint. */
@Module({
  imports: [SearchCoreModule],
  controllers: [CategoriesController],
  providers: [EsProductSearchService, SuggestService, CategoryTreeService, ConsistencyService, ConsistencyTokenInterceptor],
  exports: [EsProductSearchService, SuggestService, CategoryTreeService, ConsistencyService, ConsistencyTokenInterceptor],
})
export class SearchModule {}
