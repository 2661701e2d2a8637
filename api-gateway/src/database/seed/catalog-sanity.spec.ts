import { generateBrands, generateCategories, generateProducts, ProductRow } from './generate';

/**
 * The demo catalog must read like a shop: names that never say a word twice ("Organic Organic
 * Cotton Tee", "Denim Denim Skirt", "SPF 50 50 ml") and prices a shopper would find plausible
 * for the category. The price bounds are written here independently of the generator's ranges.
 */
const PLAUSIBLE_USD: Record<string, [number, number]> = {
  'T-Shirts': [5, 90],
  Jeans: [20, 250],
  Jackets: [30, 600],
  Shirts: [15, 200],
  Hoodies: [20, 200],
  Dresses: [20, 400],
  Skirts: [15, 250],
  Sneakers: [25, 350],
  Boots: [40, 450],
  Sandals: [10, 200],
  Headphones: [15, 700],
  Earbuds: [10, 450],
  Speakers: [15, 1200],
  Laptops: [250, 5000],
  Monitors: [80, 2500],
  Keyboards: [15, 400],
  Smartphones: [100, 2500],
  'Phone Cases': [5, 100],
  Chargers: [5, 200],
  Cookware: [10, 600],
  Knives: [8, 500],
  'Coffee Makers': [10, 2000],
  Chairs: [30, 1500],
  Desks: [60, 2000],
  Lamps: [10, 600],
  'Yoga Mats': [8, 200],
  Dumbbells: [8, 900],
  Sportswear: [8, 180],
  Tents: [30, 1400],
  Backpacks: [15, 500],
  'Sleeping Bags': [20, 900],
  Moisturizers: [4, 200],
  Cleansers: [3, 90],
  Sunscreen: [4, 100],
};

const categories = generateCategories();
const brands = generateBrands(42);
const brandName = new Map(brands.map((b) => [b.id, b.name]));
const leafName = new Map(categories.filter((c) => c.leaf).map((c) => [c.id, c.name]));
const catalog = (seed: number): ProductRow[] => [
  ...generateProducts({ seed, products: 10_000, orders: 0, now: new Date('2026-11-25T12:00:00Z') }, categories, generateBrands(seed)),
];

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w && w !== '-');

/** Problems of one name: a word right after itself anywhere, or any word twice after the brand. */
export function nameProblems(name: string, brand: string): string[] {
  const problems: string[] = [];
  const all = name
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '-');
  all.forEach((w, i) => {
    if (i > 0 && all[i - 1] === w) problems.push(`"${w} ${w}"`);
  });
  const rest = words(name.slice(brand.length)).flatMap((w) => w.split('-'));
  const seen = new Set<string>();
  for (const w of rest) {
    if (seen.has(w) && /[a-z]/.test(w)) problems.push(`"${w}" twice`);
    seen.add(w);
  }
  return problems;
}

describe('demo catalog sanity', () => {
  it('the checker catches the names of the bug report', () => {
    expect(nameProblems('Solace Organic Organic Cotton Long Sleeve Tee - Navy', 'Solace')).not.toEqual([]);
    expect(nameProblems('Wren Relaxed Denim Denim Skirt - Black', 'Wren')).not.toEqual([]);
    expect(nameProblems('Aster Daily Sunscreen SPF 50 50 ml', 'Aster')).not.toEqual([]);
    expect(nameProblems('Aster Daily Sunscreen SPF 50, 50 ml', 'Aster')).toEqual([]);
  });

  it.each([42, 7])('seed %i: no product name repeats a word', (seed) => {
    const names = new Map(generateBrands(seed).map((b) => [b.id, b.name]));
    const bad = catalog(seed)
      .map((p) => ({ name: p.name, problems: nameProblems(p.name, names.get(p.brandId) ?? '') }))
      .filter((p) => p.problems.length > 0);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('every leaf category has a plausible price range, and every product price is inside it', () => {
    for (const name of new Set(leafName.values())) expect(Object.keys(PLAUSIBLE_USD)).toContain(name);
    const outside = catalog(42)
      .map((p) => ({ name: p.name, category: leafName.get(p.categoryId) as string, usd: p.priceCents / 100 }))
      .filter((p) => {
        const [lo, hi] = PLAUSIBLE_USD[p.category];
        return p.usd < lo || p.usd > hi;
      });
    expect(outside.slice(0, 10)).toEqual([]);
  });

  it('brand names and categories stay consistent with the names (a laptop is not called a tee)', () => {
    const sample = catalog(42).slice(0, 500);
    for (const p of sample) {
      expect(p.name.startsWith(`${brandName.get(p.brandId)} `)).toBe(true);
      expect(p.name).not.toMatch(/\s{2}|\s$|^\s/);
    }
  });
});
