import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ResilientProductSearch } from '../search/resilient-product-search.service';
import { pickSearchBackend } from '../search/search-backend';
import { SearchModule } from '../search/search.module';
import { SearchSettings } from '../search/search.settings';
import { PgProductSearchService } from './pg-product-search.service';
import { ProductCacheInvalidator, ProductCacheService } from './product-cache.service';
import { ProductReader } from './product-reader';
import { ProductSearchService } from './product-search.service';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';
import { ProductPageService } from './product-page.service';

@Module({
  imports: [SearchModule],
  controllers: [ProductsController],
  providers: [
    ProductsService,
    ProductPageService,
    ProductReader,
    ProductCacheService,
    ProductCacheInvalidator,
    PgProductSearchService,
    ResilientProductSearch,
    {
      provide: ProductSearchService,
      inject: [SearchSettings, AppConfig, ResilientProductSearch, PgProductSearchService],
      useFactory: (s: SearchSettings, cfg: AppConfig, es: ResilientProductSearch, pg: PgProductSearchService) =>
        pickSearchBackend(s, cfg, { elasticsearch: es, postgres: pg }),
    },
  ],
  exports: [ProductCacheInvalidator, ProductSearchService, ProductReader],
})
export class ProductsModule {}
