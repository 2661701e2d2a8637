import { EnvironmentSchema } from '../config/env.schema';
import { readEnvFiles, validateEnv } from '../config/load-config';

/**
 * The search module's and the CDC indexer's view of the validated environment (the variables are
 * declared and validated once, in config/env.schema.ts), plus the names derived from them.
 */
export class SearchSettings extends EnvironmentSchema {
  static from(env: EnvironmentSchema): SearchSettings {
    return Object.assign(new SearchSettings(), env);
  }

  get productsWriteAlias(): string {
    return `${this.SEARCH_PRODUCTS_ALIAS}-write`;
  }
  get ordersWriteAlias(): string {
    return `${this.SEARCH_ORDERS_ALIAS}-write`;
  }
  topic(table: string): string {
    return `${this.CDC_TOPIC_PREFIX}.public.${table}`;
  }
}

/** Tests and tools outside Nest: the same sources and validation as the processes (throws ConfigError). */
export function loadSearchSettings(raw: Record<string, unknown> = readEnvFiles()): SearchSettings {
  return SearchSettings.from(validateEnv(raw));
}
