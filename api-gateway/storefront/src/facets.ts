import type { FacetValue } from './api';

/** Facet values ordered for people: numbers by value (6, 8, 12 — not by count), words by count then name. */
export function orderFacetValues(values: FacetValue[]): FacetValue[] {
  const numeric = values.length > 0 && values.every((v) => v.value.trim() !== '' && Number.isFinite(Number(v.value)));
  return [...values].sort(numeric
    ? (a, b) => Number(a.value) - Number(b.value)
    : (a, b) => b.count - a.count || a.value.localeCompare(b.value));
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
