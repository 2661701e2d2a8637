import { PRICE_RANGES } from './price-ranges';

export interface FacetValue {
  value: string;
  count: number;
}
export interface PriceFacetValue extends FacetValue {
  from: number | null;
  to: number | null;
}
export interface CategoryNode {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  position: number;
}
export interface CategoryFacetValue extends FacetValue {
  id: number;
  label: string;
  children: CategoryFacetValue[];
}

interface TermsBucket {
  key: string | number;
  doc_count: number;
}
interface RangeBucket {
  key: string;
  doc_count: number;
  from?: number;
  to?: number;
}
type Agg = { values?: { buckets: Array<TermsBucket | RangeBucket> }; meta?: { attribute?: string } };

/** Builds the category tree with counts, dropping empty branches; children ordered by position, name. */
export function categoryTree(categories: CategoryNode[], counts: Map<number, number>, keepEmpty = false): CategoryFacetValue[] {
  const children = new Map<number | null, CategoryNode[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const build = (parentId: number | null): CategoryFacetValue[] =>
    (children.get(parentId) ?? [])
      .filter((c) => keepEmpty || (counts.get(c.id) ?? 0) > 0)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map((c) => ({ value: c.slug, id: c.id, label: c.name, count: counts.get(c.id) ?? 0, children: build(c.id) }));
  return build(null);
}

const termBuckets = (agg: Agg | undefined): TermsBucket[] => (agg?.values?.buckets ?? []) as TermsBucket[];

/** Maps the facet aggregations of buildSearchRequest to the API's facets object. */
export function mapFacets(aggs: Record<string, Agg>, categories: CategoryNode[]): Record<string, FacetValue[]> {
  const facets: Record<string, FacetValue[]> = {};
  facets.brand = termBuckets(aggs.brand).map((b) => ({ value: String(b.key), count: b.doc_count }));

  const catCounts = new Map(termBuckets(aggs.category).map((b) => [Number(b.key), b.doc_count]));
  facets.category = categoryTree(categories, catCounts);

  const priceBuckets = (aggs.price?.values?.buckets ?? []) as RangeBucket[];
  facets.price = PRICE_RANGES.map((r): PriceFacetValue => {
    const b = priceBuckets.find((x) => x.key === r.key);
    return { value: r.key, from: r.from ?? null, to: r.to ?? null, count: b?.doc_count ?? 0 };
  });

  // unselected attributes: counts under all filters; selected ones: under all filters but their own
  const attrs = new Map<string, FacetValue[]>();
  const add = (pair: string, count: number) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq);
    attrs.set(name, [...(attrs.get(name) ?? []), { value: pair.slice(eq + 1), count }]);
  };
  const selected = new Set(
    Object.entries(aggs)
      .filter(([k]) => k.startsWith('attr_'))
      .map(([, a]) => a.meta?.attribute)
      .filter((n): n is string => !!n),
  );
  for (const b of termBuckets(aggs.attrs)) {
    const name = String(b.key).split('=')[0];
    if (!selected.has(name)) add(String(b.key), b.doc_count);
  }
  for (const [k, a] of Object.entries(aggs)) if (k.startsWith('attr_')) for (const b of termBuckets(a)) add(String(b.key), b.doc_count);
  for (const name of [...attrs.keys()].sort()) {
    facets[`attr.${name}`] = attrs.get(name)!.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}
