import type { FacetValue } from './api';

/**
 * Where a clothing size sits on the size scale, or null when the value is not a size:
 * xxs < xs < s < m < l < xl < xxl (= 2xl) < xxxl (= 3xl) < 4xl, then one-size last.
 * Values come lowercased from the index; case and inner spaces/hyphens are ignored anyway.
 */
export function sizeRank(value: string): number | null {
  const v = value.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (v === 'onesize' || v === 'onesizefitsall') return 100;
  if (v === 'm') return 0;
  const m = /^(?:(x{0,4})|([2-5])x)([sl])$/.exec(v);
  if (!m) return null;
  const xs = m[2] ? Number(m[2]) : m[1].length; // "3xl" has three x's: xxxl
  return m[3] === 'l' ? 1 + xs : -(1 + xs);
}

const byCountThenName = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value);

/**
 * Facet values ordered for people: numbers by value (6, 8, 12 — not by count), clothing sizes by
 * size (xs, s, m, l, xl — only when every value is a known size), other words by count then name.
 */
export function orderFacetValues(values: FacetValue[]): FacetValue[] {
  const numeric = values.length > 0 && values.every((v) => v.value.trim() !== '' && Number.isFinite(Number(v.value)));
  if (numeric) return [...values].sort((a, b) => Number(a.value) - Number(b.value));
  const ranks = values.map((v) => sizeRank(v.value));
  if (values.length > 0 && ranks.every((r) => r !== null)) {
    const rank = new Map(values.map((v, i) => [v, ranks[i] as number]));
    return [...values].sort((a, b) => rank.get(a)! - rank.get(b)! || byCountThenName(a, b));
  }
  return [...values].sort(byCountThenName);
}

export interface AttributeFacet { name: string; values: FacetValue[]; coverage: number }

/**
 * Which attribute facets to show: those that describe most of the current results. Coverage =
 * products carrying the attribute / results (each product has one value per attribute). On the
 * whole catalog "Blade cm" fits 2% of products and stays hidden; inside "Knives" it fits all.
 * Selected attributes always stay visible, so a filter can be undone where it was set.
 */
export function pickAttributeFacets(
  facets: Record<string, FacetValue[]>, total: number, selected: Set<string>, opts = { minCoverage: 0.3, max: 6 },
): AttributeFacet[] {
  const all = Object.entries(facets)
    .filter(([key]) => key.startsWith('attr.') && key !== 'attr.e2etag')
    .map(([key, values]) => ({
      name: key.slice(5),
      values: orderFacetValues(values),
      coverage: total > 0 ? values.reduce((n, v) => n + v.count, 0) / total : 0,
    }));
  const shown = all
    .filter((f) => !selected.has(f.name) && f.coverage >= opts.minCoverage && f.values.length > 1)
    .sort((a, b) => b.coverage - a.coverage || a.name.localeCompare(b.name))
    .slice(0, opts.max);
  const kept = all.filter((f) => selected.has(f.name));
  return [...kept, ...shown];
}
