import { Module } from '@nestjs/common';
import { ProductCacheInvalidator, ProductCacheService } from './product-cache.service';
import { ProductReader } from './product-reader';

/**
 * Catalog reads shared by the gateway, the CDC indexer and the search CLIs: the product view
 * reader and the Redis product cache (read side and invalidation). Needs the process' TypeORM
 * connection, RedisModule and ConfigModule (all global).
 */
@Module({
  providers: [ProductReader, ProductCacheService, ProductCacheInvalidator],
  exports: [ProductReader, ProductCacheService, ProductCacheInvalidator],
})
export class CatalogReadModule {}
