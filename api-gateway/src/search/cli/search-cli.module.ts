import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggingModule } from '../../common/logging/logging.module';
import { RedisModule } from '../../common/redis/redis.module';
import { AppConfig } from '../../config/app-config';
import { ConfigModule } from '../../config/config.module';
import { searchDatabaseOptions } from '../../config/database.options';
import type { EnvironmentSchema } from '../../config/env.schema';
import { SearchDocumentsModule } from '../documents/search-documents.module';
import { ReindexService } from '../maintenance/reindex.service';
import { VerifyService } from '../maintenance/verify.service';
import { SearchCoreModule } from '../search-core.module';

/** What the maintenance commands (reindex, verify-index) need: DB, ES, Redis, the document source. */
@Module({})
export class SearchCliModule {
  static forRoot(env: EnvironmentSchema): DynamicModule {
    return {
      module: SearchCliModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggingModule.forRoot(),
        RedisModule,
        SearchCoreModule,
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (cfg: AppConfig) => searchDatabaseOptions(cfg, 'search-maintenance'),
        }),
        SearchDocumentsModule,
      ],
      providers: [ReindexService, VerifyService],
    };
  }
}
