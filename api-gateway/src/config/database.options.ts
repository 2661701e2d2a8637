import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { AppConfig } from './app-config';

/** TypeORM options for the search-side processes (indexer, reindex, verify): raw SQL only, no entities. */
export function searchDatabaseOptions(cfg: AppConfig, applicationName: string): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    host: cfg.env.DB_HOST,
    port: cfg.env.DB_PORT,
    database: cfg.env.DB_DATABASE,
    username: cfg.env.DB_USERNAME,
    password: cfg.env.DB_PASSWORD,
    entities: [],
    synchronize: false,
    migrationsRun: false,
    extra: { max: 6, application_name: applicationName },
    retryAttempts: 10,
    retryDelay: 1000,
  };
}
