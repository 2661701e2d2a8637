import { dailyIndex, expiredIndices, normalizeQuery, searchEventOf } from './search-event';

describe('search events', () => {
  const now = new Date('2026-11-30T10:00:00Z');

  it('normalizes the query: case, spacing, unicode forms', () => {
    expect(normalizeQuery('  Wireless   HEADPHONES ')).toBe('wireless headphones');
    expect(normalizeQuery('ＴＥＥ')).toBe('tee');
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(['a'])).toBe('');
  });

  it('keeps the filters as sorted name=value pairs and ignores paging/unknown keys', () => {
    const e = searchEventOf(
      { q: 'Jeans', brand: ['Solace', 'wren'], 'attr.color': 'Red', maxPrice: '100', page: '2', pageSize: '24', cursor: 'x' },
      0,
      12.345,
      now,
    );
    expect(e).toEqual({
      timestamp: '2026-11-30T10:00:00.000Z',
      query: 'jeans',
      filters: ['attr.color=red', 'brand=solace', 'brand=wren', 'maxPrice=100'],
      sort: null,
      page: 2,
      total: 0,
      zeroResults: true,
      latencyMs: 12.3,
    });
    expect(searchEventOf({}, 5, 1, now)).toMatchObject({ query: '', filters: [], page: 1, zeroResults: false });
  });

  it('daily indices, and which are past the retention', () => {
    expect(dailyIndex('search-events', now)).toBe('search-events-2026.11.30');
    const existing = [
      'search-events-2026.10.30',
      'search-events-2026.10.31',
      'search-events-2026.11.29',
      'search-events-other',
      'products',
    ];
    expect(expiredIndices('search-events', existing, 30, now)).toEqual(['search-events-2026.10.30']);
  });
});
