import { encodeCursor } from './cursor';
import { normalizeQuery, parseProductQuery } from './product-query';

const fields = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    return ((e as { details: Array<{ field: string }> }).details ?? []).map((d) => d.field);
  }
  return [];
};

describe('parseProductQuery', () => {
  it('applies defaults', () => {
    const q = parseProductQuery({});
    expect(q).toEqual(expect.objectContaining({ page: 1, pageSize: 24, sort: 'relevance', brands: [], attrs: {} }));
  });
  it.each(['0', '101', '500', 'abc', '-1'])('rejects pageSize=%s', (v) => {
    expect(fields(() => parseProductQuery({ pageSize: v }))).toEqual(['pageSize']);
  });
  it('rejects negative prices and min > max', () => {
    expect(fields(() => parseProductQuery({ minPrice: '-5' }))).toEqual(['minPrice']);
    expect(fields(() => parseProductQuery({ minPrice: '10', maxPrice: '5' }))).toEqual(['minPrice']);
  });
  it('rejects unknown sort, long q, garbage cursor, unknown params', () => {
    expect(fields(() => parseProductQuery({ sort: 'cheapest' }))).toEqual(['sort']);
    expect(fields(() => parseProductQuery({ q: 'x'.repeat(201) }))).toEqual(['q']);
    expect(fields(() => parseProductQuery({ cursor: 'not-a-cursor!!' }))).toEqual(['cursor']);
    expect(fields(() => parseProductQuery({ cursor: encodeCursor({ s: 'price_asc', k: '1', i: 1 }) }))).toEqual(['cursor']);
    expect(fields(() => parseProductQuery({ foo: '1' }))).toEqual(['foo']);
  });
  it('collects repeatable brand and attr filters', () => {
    const q = parseProductQuery({ brand: ['Acme', 'bolt'], 'attr.color': ['red', 'blue'], inStock: 'true', minPrice: '1.50' });
    expect(q.brands).toEqual(['acme', 'bolt']);
    expect(q.attrs).toEqual({ color: ['blue', 'red'] });
    expect(q.inStock).toBe(true);
    expect(q.minPrice).toBe(1.5);
  });
  it('normalizes to the same key regardless of order', () => {
    const a = normalizeQuery(parseProductQuery({ brand: ['b', 'a'], 'attr.x': '1', 'attr.y': '2' }));
    const b = normalizeQuery(parseProductQuery({ 'attr.y': '2', brand: ['A', 'b'], 'attr.x': '1' }));
    expect(a).toBe(b);
  });
  it('reads attribute filters in the short form and as an OpenAPI deepObject', () => {
    expect(parseProductQuery({ 'attr[color]': ['red', 'blue'], 'attr.size': 'M' }).attrs).toEqual({ color: ['blue', 'red'], size: ['M'] });
    expect(parseProductQuery({ attr: { color: 'red' } }).attrs).toEqual({ color: ['red'] });
    expect(fields(() => parseProductQuery({ 'attr[bad name]': 'x' }))).toEqual(['attr[bad name]']);
    expect(normalizeQuery(parseProductQuery({ 'attr[color]': 'red' }))).toBe(normalizeQuery(parseProductQuery({ 'attr.color': 'red' })));
  });
});
