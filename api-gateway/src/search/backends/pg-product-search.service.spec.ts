import { buildSearchSql, escapeLike, isOwnCursorKey } from './pg-product-search.service';
import { parseProductQuery } from '../../catalog/product-query';

describe('buildSearchSql', () => {
  it('always hides drafts and soft-deleted products', () => {
    const { where } = buildSearchSql(parseProductQuery({}));
    expect(where).toContain(`p.status = 'active'`);
    expect(where).toContain('p.deleted_at IS NULL');
  });
  it('parameterizes every user value (no SQL injection)', () => {
    const evil = `x' OR 1=1 --`;
    const { where, params } = buildSearchSql(parseProductQuery({ q: evil, brand: evil, 'attr.color': evil }));
    expect(where.replace(`'active'`, '').replace(`'%'`, '')).not.toContain(`'`);
    expect(params).toEqual(expect.arrayContaining([`%x'%`, [evil.toLowerCase()], [evil]]));
  });
  it('keeps WHERE params separate from sort params', () => {
    const r = buildSearchSql(parseProductQuery({ q: 'red shirt', sort: 'relevance' }));
    expect(r.whereParams).toHaveLength(2);
    expect(r.params.length).toBeGreaterThan(2);
    expect(r.sortName).toBe('relevance');
    expect(buildSearchSql(parseProductQuery({})).sortName).toBe('newest');
  });
  it('escapes LIKE wildcards', () => expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\'));
});

describe('isOwnCursorKey', () => {
  it('accepts the text sort keys this backend issues', () => {
    expect(isOwnCursorKey('price_asc', '19.99')).toBe(true);
    expect(isOwnCursorKey('newest', '2026-11-30 03:40:12.123456+00')).toBe(true);
    expect(isOwnCursorKey('relevance', '12')).toBe(true);
  });
  it('rejects what would fail the SQL cast (a 400, never a database error)', () => {
    expect(isOwnCursorKey('newest', 'x')).toBe(false);
    expect(isOwnCursorKey('newest', 1764474012000)).toBe(false);
    expect(isOwnCursorKey('price_desc', '1e309')).toBe(false);
    expect(isOwnCursorKey('relevance', "1' OR 1=1")).toBe(false);
  });
});
