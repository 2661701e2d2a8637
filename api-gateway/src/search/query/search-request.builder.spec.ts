import type { ProductQuery } from '../../catalog/product-query';
import { buildSearchRequest, facetFilters } from './search-request.builder';

const base: ProductQuery = { brands: [], attrs: {}, sort: 'relevance', page: 1, pageSize: 24 };
const opts = { totalThreshold: 10000 };
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the spec walks arbitrary ES request JSON

describe('buildSearchRequest', () => {
  it('always filters to visible products and never puts facet filters in the query', () => {
    const body = buildSearchRequest({ ...base, brands: ['acme'], inStock: true }, opts) as Body;
    expect(body.query.bool.filter).toEqual([{ term: { visible: true } }, { term: { inStock: true } }]);
    expect(body.post_filter).toEqual({ bool: { filter: [{ terms: { brandKey: ['acme'] } }] } });
  });

  it('drops each facet’s own filter from its aggregation (disjunctive counts)', () => {
    const q = { ...base, brands: ['acme'], attrs: { color: ['red', 'blue'] }, minPrice: 10 };
    const body = buildSearchRequest(q, opts) as Body;
    const filtersOf = (agg: string) => JSON.stringify(body.aggs[agg].filter);
    expect(filtersOf('brand')).not.toContain('brandKey');
    expect(filtersOf('brand')).toContain('color=red');
    expect(filtersOf('attr_0')).not.toContain('color=red');
    expect(filtersOf('attr_0')).toContain('brandKey');
    expect(filtersOf('price')).not.toContain('"range"');
    expect(filtersOf('attrs')).toContain('brandKey');
    expect(body.aggs.attr_0.aggs.values.terms.include).toBe('color=.*');
  });

  it('is typo tolerant (Algolia-style AUTO:4,8) on unstemmed words only, never on the edge n-gram field', () => {
    const body = buildSearchRequest({ ...base, q: 'tee' }, opts) as Body;
    const text = JSON.stringify(body.query);
    expect(text).toContain('"fuzziness":"AUTO:4,8"');
    const clauses: Body[] = body.query.bool.must[0].bool.should;
    const fuzzy = clauses.filter((c) => JSON.stringify(c).includes('fuzziness'));
    expect(fuzzy.length).toBeGreaterThan(0);
    for (const c of fuzzy) {
      expect(JSON.stringify(c)).not.toContain('autocomplete');
      for (const f of c.multi_match.fields as string[]) expect(f).toMatch(/\.plain(\^|$)/);
    }
    expect(text).toContain('name.autocomplete');
  });

  it('highlights the exact words only (the fuzzy clauses would re-expand every typo variant per hit)', () => {
    const body = buildSearchRequest({ ...base, q: 'wireless headphones' }, opts) as Body;
    const hq = JSON.stringify(body.highlight.highlight_query);
    expect(hq).toContain('wireless headphones');
    expect(hq).not.toContain('fuzziness');
  });

  it('matches a category by slug or id, including descendants through ancestor fields', () => {
    expect(JSON.stringify(facetFilters({ ...base, category: '12' }).get('category'))).toContain('"categoryIds":12');
    expect(JSON.stringify(facetFilters({ ...base, category: 'shoes' }).get('category'))).not.toContain('categoryIds');
  });

  it('pages with from/size or with search_after and a tiebreaker by id', () => {
    const paged = buildSearchRequest({ ...base, page: 3, pageSize: 10, sort: 'price_asc' }, opts) as Body;
    expect(paged.from).toBe(20);
    expect(paged.size).toBe(11);
    expect(paged.sort).toEqual([{ price: 'asc' }, { id: 'asc' }]);
    const cursor = buildSearchRequest({ ...base, sort: 'price_asc', cursor: { s: 'price_asc', k: 9.5, i: 77 } }, opts) as Body;
    expect(cursor.search_after).toEqual([9.5, 77]);
    expect(cursor.from).toBeUndefined();
  });

  it('uses relevance with a text query (exact sku boosted, fuzzy multi_match, highlight) and newest without', () => {
    const withText = buildSearchRequest({ ...base, q: 'red (tee' }, opts) as Body;
    expect(withText.sort[0]).toEqual({ _score: 'desc' });
    expect(JSON.stringify(withText.query)).toContain('"fuzziness":"AUTO:4,8"');
    expect(withText.highlight.fields.name).toBeDefined();
    expect((buildSearchRequest(base, opts) as Body).sort[0]).toEqual({ createdAt: 'desc' });
  });

  it('carries the did-you-mean term suggestions on a text search, not on a cursor page or without text', () => {
    expect((buildSearchRequest({ ...base, q: 'jeens' }, opts) as Body).suggest).toEqual(expect.objectContaining({ text: 'jeens' }));
    const cursor = { ...base, q: 'jeens', cursor: { s: 'relevance' as const, k: 1.5, i: 7 } };
    expect((buildSearchRequest(cursor, opts) as Body).suggest).toBeUndefined();
    expect((buildSearchRequest(base, opts) as Body).suggest).toBeUndefined();
  });
});
