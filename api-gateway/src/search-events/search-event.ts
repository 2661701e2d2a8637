/** One recorded search: what a shopper asked for and what came back (index `search-events-YYYY.MM.DD`). */
export interface SearchEvent {
  timestamp: string;
  /** Lower-cased, trimmed, inner whitespace collapsed; '' for a browse without text. */
  query: string;
  /** Filters as `name=value` pairs (category, brand, price, stock, attributes), sorted. */
  filters: string[];
  sort: string | null;
  page: number;
  total: number;
  zeroResults: boolean;
  latencyMs: number;
}

const FILTER_KEYS = /^(category|brand|minPrice|maxPrice|inStock|attr\..+|attr\[.+\])$/;

export const normalizeQuery = (q: unknown): string =>
  typeof q === 'string' ? q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200) : '';

/** The event of one GET /api/products from its query string, its answer and its duration. */
export function searchEventOf(query: Record<string, unknown>, total: number, latencyMs: number, now: Date): SearchEvent {
  const filters: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (!FILTER_KEYS.test(key)) continue;
    const name = key.replace(/^attr\[(.+)\]$/, 'attr.$1'); // the deepObject form is recorded like the short form
    for (const v of Array.isArray(value) ? value : [value]) filters.push(`${name}=${String(v).toLowerCase().slice(0, 100)}`);
  }
  const page = Number(query.page);
  return {
    timestamp: now.toISOString(),
    query: normalizeQuery(query.q),
    filters: filters.sort(),
    sort: typeof query.sort === 'string' ? query.sort : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    total,
    zeroResults: total === 0,
    latencyMs: Math.round(latencyMs * 10) / 10,
  };
}

/** Daily index of an event time; retention deletes whole days. */
export const dailyIndex = (prefix: string, time: Date): string => `${prefix}-${time.toISOString().slice(0, 10).replace(/-/g, '.')}`;

/** The daily indices (of `existing`) older than `retentionDays` before `now`. */
export function expiredIndices(prefix: string, existing: string[], retentionDays: number, now: Date): string[] {
  const oldest = dailyIndex(prefix, new Date(now.getTime() - retentionDays * 86_400_000));
  return existing.filter(
    (name) => /^\d{4}\.\d{2}\.\d{2}$/.test(name.slice(prefix.length + 1)) && name.startsWith(`${prefix}-`) && name < oldest,
  );
}
