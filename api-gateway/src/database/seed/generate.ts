import {
  ADJECTIVES,
  APPAREL_SIZES,
  Attributes,
  BRAND_PREFIXES,
  BRAND_SUFFIXES,
  BRANDS_PER_FAMILY,
  COLORS,
  DEMO_CUSTOMERS,
  FAMILY_MATERIALS,
  FITS,
  Family,
  LeafSpec,
  SELLING_POINTS,
  TAXONOMY,
  TECH_COLORS,
} from './catalog-data';
import { Rng, WeightedSampler, zipfWeights } from './prng';

/**
 * Pure, deterministic generation of the demo data set: same seed (and same `now`) ->
 * byte-identical rows. No I/O here; seeder.ts streams the rows into PostgreSQL.
 */

export interface SeedOptions {
  seed: number;
  products: number;
  orders: number;
  /** Anchor for all timestamps (catalog content does not depend on it). */
  now: Date;
}

export interface CategoryRow {
  id: number;
  parentId: number | null;
  name: string;
  slug: string;
  position: number;
  depth: number;
  family: Family;
  leaf?: LeafSpec;
}

export interface BrandRow {
  id: number;
  name: string;
  slug: string;
  families: Family[];
  /** Popularity weight (Zipf over a shuffled rank). */
  weight: number;
}

export const slugify = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const DAY = 86_400_000;

export function generateCategories(): CategoryRow[] {
  const rows: CategoryRow[] = [];
  let id = 0;
  TAXONOMY.forEach((root, ri) => {
    const rootId = ++id;
    rows.push({ id: rootId, parentId: null, name: root.name, slug: slugify(root.name), position: ri, depth: 0, family: root.family });
    root.children.forEach((mid, mi) => {
      const midId = ++id;
      rows.push({ id: midId, parentId: rootId, name: mid.name, slug: slugify(mid.name), position: mi, depth: 1, family: root.family });
      mid.leaves.forEach((leaf, li) => {
        rows.push({
          id: ++id,
          parentId: midId,
          name: leaf.name,
          slug: slugify(leaf.name),
          position: li,
          depth: 2,
          family: root.family,
          leaf,
        });
      });
    });
  });
  return rows;
}

const RELATED_FAMILIES: Record<Family, Family[]> = {
  apparel: ['footwear', 'sports'],
  footwear: ['apparel', 'sports'],
  electronics: ['home'],
  home: ['electronics'],
  sports: ['footwear', 'apparel'],
  beauty: ['apparel'],
};
const NEUTRAL_SUFFIXES = ['& Co', 'Supply', 'Collective', 'Brothers'];

export function generateBrands(seed: number): BrandRow[] {
  const rng = new Rng(seed, 'brands');
  const families = Object.keys(BRANDS_PER_FAMILY) as Family[];
  const seen = new Set<string>();
  const brands: Omit<BrandRow, 'weight' | 'id'>[] = [];
  for (const family of families) {
    for (let n = 0; n < BRANDS_PER_FAMILY[family]; n++) {
      const fams: Family[] = [family];
      // Some brands span two related families (outdoor brands selling shoes, fashion labels with sneakers...).
      if (rng.chance(0.15)) fams.push(rng.pick(RELATED_FAMILIES[family]));
      const suffixes = fams.length > 1 ? NEUTRAL_SUFFIXES : BRAND_SUFFIXES[family];
      let name: string;
      do {
        const suffix = rng.chance(0.25) ? '' : ` ${rng.pick(suffixes)}`;
        name = `${rng.pick(BRAND_PREFIXES)}${suffix}`;
      } while (seen.has(name.toLowerCase()));
      seen.add(name.toLowerCase());
      brands.push({ name, slug: slugify(name), families: fams });
    }
  }
  rng.shuffle(brands);
  // Popularity: Zipf over the (shuffled) rank, so a few brands dominate every family.
  const weights = zipfWeights(brands.length, 1.07);
  return brands.map((b, i) => ({ ...b, id: i + 1, weight: weights[i] }));
}

export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  slug: string;
  description: string;
  priceCents: number;
  categoryId: number;
  brandId: number;
  status: 'draft' | 'active';
  attributes: Attributes;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  onHand: number;
  imageCount: number;
}

const FAMILY_CODE: Record<Family, string> = {
  apparel: 'CLO',
  footwear: 'SHO',
  electronics: 'ELE',
  home: 'HOM',
  sports: 'SPO',
  beauty: 'BEA',
};

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string): string => s.split(' ').map(cap).join(' ');
const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'An' : 'A');

function priceCents(rng: Rng, leaf: LeafSpec, tier: number): number {
  const dollars = Math.max(2, Math.round(rng.logUniform(leaf.price[0], leaf.price[1]) * tier));
  const r = rng.next();
  const cents = r < 0.7 ? dollars * 100 - 1 : r < 0.8 ? dollars * 100 - 5 : r < 0.9 ? dollars * 100 - 51 : dollars * 100;
  return Math.max(99, cents);
}

function describe(rng: Rng, family: Family, noun: string, attrs: Attributes, brand: string): string {
  const material = typeof attrs.material === 'string' ? attrs.material : undefined;
  const color = typeof attrs.color === 'string' ? attrs.color.toLowerCase() : undefined;
  const n = noun.toLowerCase();
  let first: string;
  switch (family) {
    case 'apparel':
      first = `${article(String(attrs.fit))} ${String(attrs.fit)}-fit ${n}${material ? ` in ${material}` : ''}${color ? `, dyed ${color}` : ''}.`;
      if (/\b(tee|t-shirt)\b/.test(n)) first += ' The everyday tee: a t-shirt that works on its own or layered under a shirt.';
      break;
    case 'footwear':
      first = `${cap(n)} with a ${material ?? 'durable'} upper${color ? ` in ${color}` : ''}.`;
      if (/sneaker|trainer|running/.test(n)) first += ' Sneakers, trainers, runners: call them what you like, they go with everything.';
      break;
    case 'electronics':
      first = `${brand}'s ${n}${color ? ` in ${color}` : ''}, built for everyday use at home and on the go.`;
      break;
    case 'home':
      first = `${cap(n)}${material ? ` made of ${material}` : ''} for the way you cook and live.`;
      break;
    case 'sports':
      first = `${cap(n)}${material ? ` in ${material}` : ''}, made for the trail, the gym and everything in between.`;
      break;
    case 'beauty': {
      const skin = String(attrs.skin_type ?? 'all skin types');
      first = `${cap(n)} for ${/skin/.test(skin) ? skin : `${skin} skin`}.`;
      break;
    }
  }
  const points = SELLING_POINTS[family];
  const a = rng.int(0, points.length - 1);
  const b = (a + 1 + rng.int(0, points.length - 2)) % points.length;
  return `${first} ${points[a]} ${points[b]}`;
}

function attributesFor(rng: Rng, family: Family, leaf: LeafSpec): Attributes {
  const attrs: Attributes = {};
  const materials = leaf.materials ?? FAMILY_MATERIALS[family];
  switch (family) {
    case 'apparel':
      attrs.color = rng.pick(COLORS);
      attrs.size = rng.pick(APPAREL_SIZES);
      attrs.material = rng.pick(materials);
      attrs.fit = rng.pick(FITS);
      break;
    case 'footwear':
      attrs.color = rng.pick(COLORS);
      attrs.material = rng.pick(materials);
      attrs.closure = rng.pick(['laces', 'laces', 'slip-on', 'velcro', 'zip']);
      break;
    case 'electronics':
      attrs.color = rng.pick(TECH_COLORS);
      attrs.warranty_years = rng.pick([1, 2, 2, 3]);
      if (leaf.materials) attrs.material = rng.pick(leaf.materials);
      break;
    case 'home':
      attrs.material = rng.pick(materials);
      if (rng.chance(0.6)) attrs.color = rng.pick(COLORS);
      break;
    case 'sports':
      attrs.color = rng.pick(COLORS);
      attrs.material = rng.pick(materials);
      break;
    case 'beauty':
      break;
  }
  Object.assign(attrs, leaf.attrs?.(rng) ?? {});
  if (family === 'footwear') {
    attrs.size_eu = attrs.gender === 'women' ? rng.int(36, 42) : rng.int(40, 47);
  }
  return attrs;
}

const wordsOf = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
/** True when `part` shares a word with any of `others` ("Organic" and "organic cotton"). */
const repeatsWord = (part: string, ...others: string[]): boolean => {
  const used = new Set(others.flatMap(wordsOf));
  return wordsOf(part).some((w) => used.has(w));
};
/** The drawn adjective, or the next one in the list that repeats no word of the rest of the name. */
function freshAdjective(rng: Rng, family: Family, ...others: string[]): string {
  const list = ADJECTIVES[family];
  const start = list.indexOf(rng.pick(list));
  for (let k = 0; k < list.length; k++) {
    const adj = list[(start + k) % list.length];
    if (!repeatsWord(adj, ...others)) return adj;
  }
  return list[start];
}

/** A shop-like name: brand, adjective, optional material, noun, variant. No word is said twice. */
function productName(rng: Rng, family: Family, brand: string, noun: string, attrs: Attributes): string {
  const adj = freshAdjective(rng, family, brand, noun);
  const rawMaterial =
    typeof attrs.material === 'string' && attrs.material.length <= 14 && !/%/.test(attrs.material) ? attrs.material : undefined;
  const material = rawMaterial && !repeatsWord(rawMaterial, brand, adj, noun) ? rawMaterial : undefined;
  switch (family) {
    case 'apparel':
      return `${brand} ${adj}${material && rng.chance(0.4) ? ` ${titleCase(material)}` : ''} ${noun} - ${String(attrs.color)}`;
    case 'footwear':
      return `${brand} ${adj} ${noun} - ${String(attrs.color)}`;
    case 'electronics': {
      const model = rng.chance(0.5) ? `${rng.pick(['X', 'S', 'Q', 'M', 'Z'])}${rng.int(1, 9)}` : String(rng.int(10, 99) * 10);
      return `${brand} ${adj} ${noun} ${model}`;
    }
    case 'home':
      return `${brand} ${adj}${material ? ` ${titleCase(material)}` : ''} ${noun}${attrs.diameter_cm ? ` ${String(attrs.diameter_cm)} cm` : ''}`;
    case 'sports':
      return `${brand} ${adj} ${noun}${attrs.capacity_l ? ` ${String(attrs.capacity_l)}L` : ''}${attrs.weight_kg && /Dumbbell|Kettlebell/.test(noun) ? ` ${String(attrs.weight_kg)} kg` : ''}`;
    case 'beauty': {
      // "Sun Cream SPF 50, 100 ml"; a noun that already says SPF gets the factor inside: "SPF 50 Fluid"
      const spf = attrs.spf ? String(attrs.spf) : undefined;
      const item = spf ? (/\bSPF\b/.test(noun) ? noun.replace(/\bSPF\b/, `SPF ${spf}`) : `${noun} SPF ${spf}`) : noun;
      return `${brand} ${adj} ${item}, ${String(attrs.volume_ml)} ml`;
    }
  }
}

/**
 * Product rows, generated lazily (a generator) so they can be streamed while generating.
 * Each product draws from its own PRNG stream position; the sequence is fixed by the seed.
 */
export function* generateProducts(opts: SeedOptions, categories: CategoryRow[], brands: BrandRow[]): Generator<ProductRow> {
  const rng = new Rng(opts.seed, 'products');
  const leaves = categories.filter((c) => c.leaf);
  const rootWeight = new Map(TAXONOMY.map((r) => [r.family, r.weight / r.children.reduce((n, m) => n + m.leaves.length, 0)]));
  const leafSampler = new WeightedSampler(
    leaves,
    leaves.map((l) => rootWeight.get(l.family) ?? 1),
  );
  const brandSamplers = new Map<Family, WeightedSampler<BrandRow>>();
  for (const fam of Object.keys(BRANDS_PER_FAMILY) as Family[]) {
    const bs = brands.filter((b) => b.families.includes(fam));
    brandSamplers.set(
      fam,
      new WeightedSampler(
        bs,
        bs.map((b) => b.weight),
      ),
    );
  }
  // Brand price tier: premium and budget labels (deterministic per brand).
  const tiers = new Map(brands.map((b) => [b.id, 0.8 + new Rng(opts.seed, `tier:${b.slug}`).next() * 0.6]));
  const now = opts.now.getTime();

  for (let id = 1; id <= opts.products; id++) {
    const leafCat = leafSampler.sample(rng);
    const leaf = leafCat.leaf as LeafSpec;
    const family = leafCat.family;
    const brand = (brandSamplers.get(family) as WeightedSampler<BrandRow>).sample(rng);
    const noun = rng.pick(leaf.nouns);
    const attributes = attributesFor(rng, family, leaf);
    const name = productName(rng, family, brand.name, noun, attributes);
    const sku = `${FAMILY_CODE[family]}-${leaf.name
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase()}-${String(id).padStart(6, '0')}`;
    const createdAt = new Date(now - Math.floor(rng.next() * 365 * DAY));
    const updatedAt = new Date(Math.min(now, createdAt.getTime() + Math.floor(rng.next() * 30 * DAY)));
    const r = rng.next();
    const status = r < 0.03 ? 'draft' : 'active';
    const deletedAt = rng.chance(0.02) ? updatedAt : null;
    const stockRoll = rng.next();
    const onHand = stockRoll < 0.08 ? 0 : Math.round(rng.logUniform(1, 400));
    const imageRoll = rng.next();
    const imageCount = imageRoll < 0.2 ? 1 : imageRoll < 0.6 ? 2 : imageRoll < 0.85 ? 3 : 4;
    yield {
      id,
      sku,
      name,
      slug: `${slugify(name)}-${id.toString(36)}`,
      description: describe(rng, family, noun, attributes, brand.name),
      priceCents: priceCents(rng, leaf, tiers.get(brand.id) ?? 1),
      categoryId: leafCat.id,
      brandId: brand.id,
      status,
      attributes,
      deletedAt,
      createdAt,
      updatedAt,
      onHand,
      imageCount,
    };
  }
}

// ---------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------

export type OrderStatus = 'pending' | 'paid' | 'payment_failed' | 'cancelled' | 'shipped' | 'delivered' | 'refunded';

export interface OrderItemRow {
  productId: number;
  sku: string;
  name: string;
  unitCents: number;
  quantity: number;
}
export interface PaymentRow {
  status: 'succeeded' | 'declined' | 'error' | 'timeout';
  amountCents: number;
  providerRef: string | null;
  error: string | null;
  createdAt: Date;
}
export interface OrderRow {
  id: number;
  number: string;
  userId: number;
  status: OrderStatus;
  subtotalCents: number;
  totalCents: number;
  shippingAddress: Record<string, string>;
  idempotencyKey: string | null;
  reservedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
  items: OrderItemRow[];
  payments: PaymentRow[];
}

/** Compact product facts the order generator needs (kept in typed arrays for 100k+). */
export interface SellableCatalog {
  ids: Int32Array;
  priceCents: Int32Array;
  sku: string[];
  name: string[];
  /** on_hand per product id (index = id); reserved is filled in for pending orders. */
  onHand: Int32Array;
  reserved: Int32Array;
}

function statusFor(rng: Rng, ageDays: number): OrderStatus {
  const r = rng.next();
  if (ageDays < 1) return r < 0.3 ? 'pending' : r < 0.7 ? 'paid' : r < 0.78 ? 'payment_failed' : r < 0.83 ? 'cancelled' : 'shipped';
  if (ageDays < 4) return r < 0.25 ? 'paid' : r < 0.75 ? 'shipped' : r < 0.85 ? 'delivered' : r < 0.92 ? 'payment_failed' : 'cancelled';
  return r < 0.78 ? 'delivered' : r < 0.83 ? 'refunded' : r < 0.9 ? 'cancelled' : r < 0.97 ? 'payment_failed' : 'shipped';
}

const FAIL_REASONS: Record<'declined' | 'error' | 'timeout', string> = {
  declined: 'card_declined: insufficient funds',
  error: 'provider_error: upstream returned 502',
  timeout: 'timeout: no answer from provider within 10s',
};

export function generateOrders(opts: SeedOptions, userIds: number[], catalog: SellableCatalog): OrderRow[] {
  const rng = new Rng(opts.seed, 'orders');
  const orders: OrderRow[] = [];
  if (catalog.ids.length === 0 || userIds.length === 0 || opts.orders <= 0) return orders;
  // Bestsellers: Zipf over a shuffled order of the sellable products.
  const ranked = rng.shuffle(Array.from(catalog.ids.keys()));
  const productSampler = new WeightedSampler(ranked, zipfWeights(ranked.length, 0.9));
  const userSampler = new WeightedSampler(
    userIds,
    userIds.map((_, i) => 1 / (i + 1)),
  );
  const now = opts.now.getTime();
  const days = 90;
  // Daily volume: weekly pattern (weekends busier) and a slow upward trend.
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const weekday = new Date(now - d * DAY).getUTCDay();
    return (weekday === 0 || weekday === 6 ? 1.35 : 1) * (1 + ((days - d) / days) * 0.4);
  });
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);
  let id = 0;
  for (let d = days - 1; d >= 0; d--) {
    const count = Math.round((opts.orders * dayWeights[d]) / weightSum);
    const stamps = Array.from({ length: count }, () => now - d * DAY - Math.floor(rng.next() * DAY));
    // a few checkouts in the last minutes, so there are live pending orders holding stock
    if (d === 0)
      for (let k = 0; k < Math.min(5, Math.ceil(opts.orders / 400)); k++) stamps.push(now - Math.floor(rng.next() * 10 * 60_000));
    stamps.sort((a, b) => a - b);
    for (const ts of stamps) {
      const createdAt = new Date(ts);
      const ageDays = (now - ts) / DAY;
      let status = now - ts < 10 * 60_000 && rng.chance(0.7) ? 'pending' : statusFor(rng, ageDays);
      // a pending order still holds its reservation: only the last 15 minutes can be pending
      if (status === 'pending' && now - ts > 15 * 60_000) status = 'cancelled';
      const userId = userSampler.sample(rng);
      const customer = DEMO_CUSTOMERS[userIds.indexOf(userId) % DEMO_CUSTOMERS.length];
      const itemCount = rng.chance(0.55) ? 1 : rng.chance(0.6) ? 2 : rng.int(3, 4);
      const items: OrderItemRow[] = [];
      const used = new Set<number>();
      for (let k = 0; k < itemCount; k++) {
        const idx = productSampler.sample(rng);
        const pid = catalog.ids[idx];
        if (used.has(pid)) continue;
        const quantity = rng.chance(0.75) ? 1 : rng.int(2, 3);
        if (status === 'pending') {
          if (catalog.onHand[pid] - catalog.reserved[pid] < quantity) continue;
          catalog.reserved[pid] += quantity;
        }
        used.add(pid);
        items.push({ productId: pid, sku: catalog.sku[idx], name: catalog.name[idx], unitCents: catalog.priceCents[idx], quantity });
      }
      if (items.length === 0) continue;
      const subtotalCents = items.reduce((s, it) => s + it.unitCents * it.quantity, 0);
      const totalCents = subtotalCents + (subtotalCents >= 5000 ? 0 : 499);
      id += 1;
      const lifecycleMs: Record<OrderStatus, number> = {
        pending: 0,
        paid: 2 * 60_000,
        payment_failed: 60_000,
        cancelled: 30 * 60_000,
        shipped: 1.5 * DAY,
        delivered: 4 * DAY,
        refunded: 10 * DAY,
      };
      const updatedAt = new Date(Math.min(now, ts + lifecycleMs[status] * (0.5 + rng.next())));
      const payments: PaymentRow[] = [];
      const paidAt = new Date(Math.min(now, ts + 60_000));
      if (status === 'paid' || status === 'shipped' || status === 'delivered' || status === 'refunded') {
        if (rng.chance(0.06)) {
          payments.push({
            status: 'declined',
            amountCents: totalCents,
            providerRef: `pay_${rng.hex(24)}`,
            error: FAIL_REASONS.declined,
            createdAt: new Date(ts + 20_000),
          });
        }
        payments.push({ status: 'succeeded', amountCents: totalCents, providerRef: `pay_${rng.hex(24)}`, error: null, createdAt: paidAt });
      } else if (status === 'payment_failed') {
        const r = rng.next();
        const kind = r < 0.7 ? 'declined' : r < 0.85 ? 'error' : 'timeout';
        payments.push({
          status: kind,
          amountCents: totalCents,
          providerRef: kind === 'timeout' ? null : `pay_${rng.hex(24)}`,
          error: FAIL_REASONS[kind],
          createdAt: paidAt,
        });
      }
      const day = createdAt.toISOString().slice(0, 10).replace(/-/g, '');
      orders.push({
        id,
        number: `ORD-${day}-${String(id).padStart(6, '0')}`,
        userId,
        status,
        subtotalCents,
        totalCents,
        shippingAddress: {
          name: customer.name,
          street: customer.street,
          zip: customer.zip,
          city: customer.city,
          country: customer.country,
        },
        idempotencyKey: rng.chance(0.8) ? rng.uuid() : null,
        reservedUntil: status === 'pending' ? new Date(ts + 15 * 60_000) : null,
        createdAt,
        updatedAt,
        items,
        payments,
      });
    }
  }
  return orders;
}

export function imageStatusFor(rng: Rng, productStatus: 'draft' | 'active'): 'ready' | 'pending' | 'processing' | 'failed' {
  const r = rng.next();
  if (productStatus === 'draft') return r < 0.5 ? 'pending' : r < 0.7 ? 'processing' : 'ready';
  return r < 0.95 ? 'ready' : r < 0.98 ? 'pending' : 'failed';
}
