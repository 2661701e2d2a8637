import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggingModule } from '../../common/logging/logging.module';
import { RedisModule } from '../../common/redis/redis.module';
import { AppConfig } from '../../config/app-config';
import { ConfigModule } from '../../config/config.module';
import { ProductCacheInvalidator } from '../../products/product-cache.service';
import { ProductReader } from '../../products/product-reader';
import { searchDatabaseOptions } from '../database.options';
import { ProductDocumentSource } from '../documents/product-document.source';
import { SearchCoreModule } from '../search-core.module';

/** What the maintenance commands (reindex, verify-index) need: DB, ES, Redis, the document source. */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forRoot(),
    RedisModule,
    SearchCoreModule,
    TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: (cfg: AppConfig) => searchDatabaseOptions(cfg, 'search-maintenance') }),
  ],
  providers: [
    ProductReader,
    ProductCacheInvalidator,
    {
      provide: ProductDocumentSource,
      inject: [getDataSourceToken(), ProductReader],
      useFactory: (db: DataSource, reader: ProductReader) => new ProductDocumentSource(db, reader),
    },
  ],
})
export class SearchCliModule {}
