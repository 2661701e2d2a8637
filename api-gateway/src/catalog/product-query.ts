import { ValidationFailedException } from '../common/errors/validation.exception';
import type { ErrorDetail } from '../common/errors/error-body';
import { CursorData, decodeCursor } from './cursor';

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type ProductSort = (typeof SORTS)[number];

/** Normalized, validated product list query (also the cache key material). */
export interface ProductQuery {
  q?: string;
  category?: string;
  brands: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  attrs: Record<string, string[]>;
  sort: ProductSort;
  page: number;
  pageSize: number;
  cursor?: CursorData;
  rawCursor?: string;
}

const KNOWN = new Set(['q', 'category', 'brand', 'minPrice', 'maxPrice', 'inStock', 'sort', 'page', 'pageSize', 'cursor']);
const ATTR_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PAGE = 1000;

type Raw = Record<string, unknown>;

function values(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
}

/** Parses express' query object; throws a 400 naming every bad parameter. */
export function parseProductQuery(raw: Raw): ProductQuery {
  const errors: ErrorDetail[] = [];
  const bad = (field: string, message: string) => errors.push({ field, message });
  const single = (name: string): string | undefined => {
    const v = values(raw[name]);
    if (v.length > 1) bad(name, 'must be given once');
    return v[0];
  };
  const number = (name: string): number | undefined => {
    const s = single(name);
    if (s === undefined || s === '') return undefined;
    if (!/^\d+(\.\d{1,2})?$/.test(s)) {
      bad(name, /^-/.test(s) ? 'must be >= 0' : 'must be a non-negative number with at most 2 decimals');
      return undefined;
    }
    return Number(s);
  };
  const integer = (name: string, min: number, max: number, dflt: number): number => {
    const s = single(name);
    if (s === undefined || s === '') return dflt;
    if (!/^-?\d+$/.test(s) || Number(s) < min || Number(s) > max) {
      bad(name, `must be an integer between ${min} and ${max}`);
      return dflt;
    }
    return Number(s);
  };

  const attrs: Record<string, string[]> = {};
  const addAttr = (key: string, name: string, raw: unknown) => {
    if (!ATTR_NAME.test(name)) bad(key, 'attribute name must match [A-Za-z0-9_-]{1,64}');
    const vs = values(raw).filter((v) => v.length > 0);
    if (vs.some((v) => v.length > 255)) bad(key, 'value must be at most 255 characters');
    if (vs.length > 20) bad(key, 'at most 20 values');
    if (vs.length) attrs[name] = [...new Set([...(attrs[name] ?? []), ...vs])].sort();
  };
  for (const key of Object.keys(raw)) {
    if (KNOWN.has(key)) continue;
    // attr.color=red (short form) or attr[color]=red (OpenAPI deepObject, as Swagger UI sends it)
    const m = /^attr(?:\.(.+)|\[([^\]]+)\])$/.exec(key);
    if (m) {
      addAttr(key, m[1] ?? m[2], raw[key]);
      continue;
    }
    // an extended query parser turns attr[color]=red into {attr: {color: 'red'}}
    if (key === 'attr' && raw.attr && typeof raw.attr === 'object' && !Array.isArray(raw.attr)) {
      for (const [name, v] of Object.entries(raw.attr as Record<string, unknown>)) addAttr(`attr[${name}]`, name, v);
      continue;
    }
    bad(key, 'unknown query parameter');
  }

  let q = single('q')?.trim();
  if (q !== undefined && q.length > 200) bad('q', 'must be at most 200 characters');
  if (q === '') q = undefined;

  let category = single('category')?.trim();
  if (category === '') category = undefined;
  if (category !== undefined && !/^[A-Za-z0-9_-]{1,120}$/.test(category)) bad('category', 'must be a category slug or id');

  const brands = [
    ...new Set(
      values(raw.brand)
        .map((b) => b.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].sort();
  if (brands.length > 20) bad('brand', 'at most 20 brands');
  if (brands.some((b) => b.length > 120)) bad('brand', 'must be at most 120 characters');

  const minPrice = number('minPrice');
  const maxPrice = number('maxPrice');
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) bad('minPrice', 'must not be greater than maxPrice');

  let inStock: boolean | undefined;
  const inStockRaw = single('inStock');
  if (inStockRaw !== undefined && inStockRaw !== '') {
    if (['true', '1'].includes(inStockRaw)) inStock = true;
    else if (['false', '0'].includes(inStockRaw)) inStock = false;
    else bad('inStock', 'must be true or false');
  }

  const sortRaw = single('sort') ?? 'relevance';
  const sort = (SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as ProductSort) : undefined;
  if (!sort) bad('sort', `must be one of ${SORTS.join(', ')}`);

  const page = integer('page', 1, MAX_PAGE, 1);
  const pageSize = integer('pageSize', 1, 100, 24);

  const rawCursor = single('cursor');
  let cursor: CursorData | undefined;
  if (rawCursor !== undefined && rawCursor !== '') {
    cursor = decodeCursor(rawCursor);
    if (!cursor) bad('cursor', 'is not a valid cursor');
    else if (sort && cursor.s !== effectiveSort(sort, q)) bad('cursor', 'was issued for a different sort');
  }

  if (errors.length) throw new ValidationFailedException(errors, `Invalid query: ${[...new Set(errors.map((e) => e.field))].join(', ')}`);
  return {
    q,
    category,
    brands,
    minPrice,
    maxPrice,
    inStock,
    attrs,
    sort: sort!,
    page,
    pageSize,
    cursor,
    rawCursor: cursor ? rawCursor : undefined,
  };
}

/** relevance without a text query orders like newest. */
export function effectiveSort(sort: ProductSort, q?: string): ProductSort {
  return sort === 'relevance' && !q ? 'newest' : sort;
}

/** Stable string for cache keys: same filters in any parameter order -> same key. */
export function normalizeQuery(q: ProductQuery): string {
  const attrs = Object.keys(q.attrs)
    .sort()
    .map((k) => [k, q.attrs[k]]);
  return JSON.stringify([
    q.q?.toLowerCase() ?? null,
    q.category ?? null,
    q.brands,
    q.minPrice ?? null,
    q.maxPrice ?? null,
    q.inStock ?? null,
    attrs,
    q.sort,
    q.page,
    q.pageSize,
    q.rawCursor ?? null,
  ]);
}
