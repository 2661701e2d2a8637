import type { AppConfig } from '../config/app-config';
import type { ProductSearch } from '../catalog/product-search';
import { pickSearchBackend } from './search-backend';
import { SearchSettings } from './search.settings';

const es = { name: 'es' } as unknown as ProductSearch;
const pg = { name: 'pg' } as unknown as ProductSearch;
const cfg = (APP_ENV: string) => ({ env: { APP_ENV } }) as unknown as AppConfig;
const settings = (backend?: 'elasticsearch' | 'postgres') => Object.assign(new SearchSettings(), { SEARCH_BACKEND: backend });

describe('pickSearchBackend', () => {
  it('defaults to Elasticsearch, PostgreSQL under APP_ENV=test, explicit setting wins', () => {
    expect(pickSearchBackend(settings(), cfg('production'), { elasticsearch: es, postgres: pg })).toBe(es);
    expect(pickSearchBackend(settings(), cfg('test'), { elasticsearch: es, postgres: pg })).toBe(pg);
    expect(pickSearchBackend(settings('elasticsearch'), cfg('test'), { elasticsearch: es, postgres: pg })).toBe(es);
  });
});
