import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../../config/app-config';
import { createLogger, LOGGER } from './logger';

@Global()
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: LOGGER, inject: [AppConfig], useFactory: (cfg: AppConfig) => createLogger(cfg.env.LOG_LEVEL, destination) }],
      exports: [LOGGER],
    };
  }
}
