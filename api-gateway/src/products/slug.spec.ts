import { slugify } from './slug';

describe('slugify', () => {
  it('lowercases and hyphenates', () => expect(slugify('Acme Organic T-Shirt!')).toBe('acme-organic-t-shirt'));
  it('strips accents', () => expect(slugify('Crème Brûlée')).toBe('creme-brulee'));
  it('never returns empty', () => expect(slugify('!!!')).toBe('item'));
  it('respects max length', () => expect(slugify('a'.repeat(300), 120)).toHaveLength(120));
});
