import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { EnvironmentSchema } from './env.schema';
import { loadConfig } from './load-config';

@Global()
@Module({})
export class ConfigModule {
  /** env: pre-validated config (tests); otherwise loads and validates the environment. */
  static forRoot(env?: EnvironmentSchema): DynamicModule {
    const config = new AppConfig(env ?? loadConfig());
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
