import type { AppConfig } from '../config/app-config';
import type { ProductSearchService } from '../products/product-search.service';
import type { SearchSettings } from './search.settings';

/** Picks the ProductSearchService implementation (see SearchSettings.SEARCH_BACKEND). */
export function pickSearchBackend(
  settings: SearchSettings,
  config: AppConfig,
  backends: { elasticsearch: ProductSearchService; postgres: ProductSearchService },
): ProductSearchService {
  const backend = settings.SEARCH_BACKEND ?? (config.env.APP_ENV === 'test' ? 'postgres' : 'elasticsearch');
  return backends[backend];
}
