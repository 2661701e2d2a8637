import type { AppConfig } from '../config/app-config';
import type { ProductSearchService } from '../products/product-search.service';
import { pickSearchBackend } from './search-backend';
import { SearchSettings } from './search.settings';
import { SuggestService } from './suggest.service';

const es = { name: 'es' } as unknown as ProductSearchService;
const pg = { name: 'pg' } as unknown as ProductSearchService;
const cfg = (APP_ENV: string) => ({ env: { APP_ENV } }) as unknown as AppConfig;
const settings = (backend?: 'elasticsearch' | 'postgres') => Object.assign(new SearchSettings(), { SEARCH_BACKEND: backend });

describe('pickSearchBackend', () => {
  it('defaults to Elasticsearch, PostgreSQL under APP_ENV=test, explicit setting wins', () => {
    expect(pickSearchBackend(settings(), cfg('production'), { elasticsearch: es, postgres: pg })).toBe(es);
    expect(pickSearchBackend(settings(), cfg('test'), { elasticsearch: es, postgres: pg })).toBe(pg);
    expect(pickSearchBackend(settings('elasticsearch'), cfg('test'), { elasticsearch: es, postgres: pg })).toBe(es);
  });
});

describe('SuggestService.parse', () => {
  it('trims and validates q', () => {
    expect(SuggestService.parse('  abc ')).toBe('abc');
    expect(() => SuggestService.parse(undefined)).toThrow(/q/);
    expect(() => SuggestService.parse('x'.repeat(101))).toThrow(/q/);
    expect(() => SuggestService.parse(['a', 'b'])).toThrow(/q/);
  });
});
