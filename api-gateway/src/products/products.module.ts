import { Module } from '@nestjs/common';
import { PgProductSearchService } from './pg-product-search.service';
import { ProductCacheInvalidator, ProductCacheService } from './product-cache.service';
import { ProductReader } from './product-reader';
import { ProductSearchService } from './product-search.service';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

@Module({
  controllers: [ProductsController],
  providers: [
    ProductsService,
    ProductReader,
    ProductCacheService,
    ProductCacheInvalidator,
    { provide: ProductSearchService, useClass: PgProductSearchService },
  ],
  exports: [ProductCacheInvalidator, ProductSearchService, ProductReader],
})
export class ProductsModule {}
