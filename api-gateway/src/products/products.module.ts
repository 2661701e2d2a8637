import { Module } from '@nestjs/common';
import { CatalogReadModule } from '../catalog/catalog-read.module';
import { SearchModule } from '../search/search.module';
import { ProductPageService } from './product-page.service';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

/** Catalog writes and detail reads (by id, by slug); the list and suggest routes delegate to search/. */
@Module({
  imports: [CatalogReadModule, SearchModule],
  controllers: [ProductsController],
  providers: [ProductsService, ProductPageService],
  exports: [ProductsService],
})
export class ProductsModule {}
