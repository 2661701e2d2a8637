import type { AppConfig } from '../config/app-config';
import type { ProductSearch } from '../catalog/product-search';
import type { SearchSettings } from './search.settings';

/** Picks the ProductSearch implementation (see SearchSettings.SEARCH_BACKEND). */
export function pickSearchBackend(
  settings: SearchSettings,
  config: AppConfig,
  backends: { elasticsearch: ProductSearch; postgres: ProductSearch },
): ProductSearch {
  const backend = settings.SEARCH_BACKEND ?? (config.env.APP_ENV === 'test' ? 'postgres' : 'elasticsearch');
  return backends[backend];
}
