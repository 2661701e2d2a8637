import { createHash } from 'crypto';
import { SeedOptions, generateBrands, generateCategories, generateOrders, generateProducts } from './generate';
import { Rng } from './prng';

const opts = (over: Partial<SeedOptions> = {}): SeedOptions => ({
  seed: 42,
  products: 2000,
  orders: 300,
  now: new Date('2026-11-25T12:00:00Z'),
  ...over,
});

function catalogDigest(o: SeedOptions): string {
  const h = createHash('sha256');
  const cats = generateCategories();
  const brands = generateBrands(o.seed);
  for (const p of generateProducts(o, cats, brands)) {
    h.update(
      JSON.stringify([
        p.sku,
        p.name,
        p.slug,
        p.description,
        p.priceCents,
        p.categoryId,
        p.brandId,
        p.status,
        p.attributes,
        p.onHand,
        p.imageCount,
        p.deletedAt !== null,
      ]),
    );
  }
  return h.digest('hex');
}

describe('seed generator', () => {
  it('PRNG is deterministic per seed and stream', () => {
    const a = new Rng(7, 'x');
    const b = new Rng(7, 'x');
    const c = new Rng(7, 'y');
    const seqA = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(seqA);
  });

  it('same seed -> same catalog (independent of the time anchor); other seed -> other catalog', () => {
    const base = catalogDigest(opts());
    expect(catalogDigest(opts())).toBe(base);
    expect(catalogDigest(opts({ now: new Date('2030-01-01T00:00:00Z') }))).toBe(base);
    expect(catalogDigest(opts({ seed: 43 }))).not.toBe(base);
  });

  it('builds ~50 categories in 3 levels and ~100 unique brands', () => {
    const cats = generateCategories();
    expect(cats.length).toBeGreaterThanOrEqual(45);
    expect(cats.length).toBeLessThanOrEqual(65);
    expect(new Set(cats.map((c) => c.depth))).toEqual(new Set([0, 1, 2]));
    expect(cats.find((c) => c.name === 'T-Shirts')).toBeDefined();
    const brands = generateBrands(42);
    expect(brands).toHaveLength(100);
    expect(new Set(brands.map((b) => b.slug)).size).toBe(100);
  });

  it('produces a realistic mix: drafts, soft-deletes, out of stock, synonyms', () => {
    const o = opts({ products: 10000 });
    const rows = [...generateProducts(o, generateCategories(), generateBrands(o.seed))];
    const share = (f: (p: (typeof rows)[number]) => boolean): number => rows.filter(f).length / rows.length;
    expect(share((p) => p.status === 'draft')).toBeGreaterThan(0.02);
    expect(share((p) => p.status === 'draft')).toBeLessThan(0.04);
    expect(share((p) => p.deletedAt !== null)).toBeGreaterThan(0.01);
    expect(share((p) => p.deletedAt !== null)).toBeLessThan(0.03);
    expect(share((p) => p.onHand === 0)).toBeGreaterThan(0.05);
    expect(new Set(rows.map((p) => p.sku)).size).toBe(rows.length);
    expect(new Set(rows.map((p) => p.slug)).size).toBe(rows.length);
    expect(rows.every((p) => p.priceCents > 0)).toBe(true);
    const names = rows.map((p) => p.name.toLowerCase()).join('\n');
    for (const word of ['t-shirt', 'tee', 'sneakers', 'trainers', 'headphones']) expect(names).toContain(word);
    // Zipf-like brands: the most popular brand has far more products than the median one
    const perBrand = new Map<number, number>();
    for (const p of rows) perBrand.set(p.brandId, (perBrand.get(p.brandId) ?? 0) + 1);
    const counts = [...perBrand.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(5 * counts[Math.floor(counts.length / 2)]);
  });

  it('orders are consistent: totals, 90-day window, reservations within stock', () => {
    const o = opts({ products: 3000, orders: 500 });
    const rows = [...generateProducts(o, generateCategories(), generateBrands(o.seed))].filter(
      (p) => p.status === 'active' && !p.deletedAt,
    );
    const onHand = new Int32Array(o.products + 1);
    for (const p of rows) onHand[p.id] = p.onHand;
    const catalog = {
      ids: Int32Array.from(rows.map((p) => p.id)),
      priceCents: Int32Array.from(rows.map((p) => p.priceCents)),
      sku: rows.map((p) => p.sku),
      name: rows.map((p) => p.name),
      onHand,
      reserved: new Int32Array(o.products + 1),
    };
    const orders = generateOrders(o, [11, 12, 13, 14, 15], catalog);
    expect(orders.length).toBeGreaterThan(450);
    const oldest = Math.min(...orders.map((x) => x.createdAt.getTime()));
    expect(o.now.getTime() - oldest).toBeLessThanOrEqual(90 * 86_400_000);
    for (const ord of orders) {
      expect(ord.items.length).toBeGreaterThan(0);
      expect(ord.subtotalCents).toBe(ord.items.reduce((s, it) => s + it.unitCents * it.quantity, 0));
      expect(ord.totalCents).toBeGreaterThanOrEqual(ord.subtotalCents);
      expect(ord.items.every((it) => it.quantity >= 1 && it.quantity <= 100)).toBe(true);
    }
    for (let i = 0; i < catalog.reserved.length; i++) expect(catalog.reserved[i]).toBeLessThanOrEqual(onHand[i]);
    expect(new Set(orders.map((x) => x.number)).size).toBe(orders.length);
  });
});
