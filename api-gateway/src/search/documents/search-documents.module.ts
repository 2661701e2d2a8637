import { Module } from '@nestjs/common';
import { CatalogReadModule } from '../../catalog/catalog-read.module';
import { OrderDocumentSource } from './order-document.source';
import { ProductDocumentSource } from './product-document.source';

/** PostgreSQL -> index documents (products, orders), for the CDC indexer and the search CLIs. */
@Module({
  imports: [CatalogReadModule],
  providers: [ProductDocumentSource, OrderDocumentSource],
  exports: [ProductDocumentSource, OrderDocumentSource, CatalogReadModule],
})
export class SearchDocumentsModule {}
