import { Injectable } from '@nestjs/common';
import { ValidationFailedException } from '../../common/errors/validation.exception';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeCursor } from '../../catalog/cursor';
import type { ProductPage } from '../../catalog/product.view';
import { ProductReader } from '../../catalog/product-reader';
import { effectiveSort, ProductQuery, ProductSort } from '../../catalog/product-query';
import { ProductSearch } from '../../catalog/product-search';
import { PRICE_RANGES } from '../query/price-ranges';

const TOTAL_CAP = 10000;

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface SortSpec {
  key: string; // SQL expression of the primary sort key, selected as text/number for the cursor
  dir: 'ASC' | 'DESC';
  cast: string; // cast applied to the cursor value when comparing
}

/** Builds WHERE/ORDER for a query; exported for unit tests. */
export function buildSearchSql(q: ProductQuery): {
  where: string;
  params: unknown[];
  whereParams: unknown[];
  sort: SortSpec;
  sortName: ProductSort;
} {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`p.status = 'active'`, 'p.deleted_at IS NULL'];
  const terms = q.q ? q.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10) : [];
  for (const t of terms) {
    const v = p(`%${escapeLike(t)}%`);
    where.push(`(p.name ILIKE ${v} OR p.sku ILIKE ${v} OR b.name ILIKE ${v} OR p.description ILIKE ${v})`);
  }
  if (q.category) {
    const v = p(q.category);
    where.push(`EXISTS (SELECT 1 FROM categories root WHERE (root.slug = ${v} OR root.id::text = ${v}) AND c.path LIKE root.path || '%')`);
  }
  if (q.brands.length) {
    const v = p(q.brands);
    where.push(`(lower(b.name) = ANY(${v}::text[]) OR b.slug = ANY(${v}::text[]))`);
  }
  if (q.minPrice !== undefined) where.push(`p.price >= ${p(q.minPrice)}`);
  if (q.maxPrice !== undefined) where.push(`p.price <= ${p(q.maxPrice)}`);
  if (q.inStock !== undefined) where.push(`COALESCE(i.on_hand - i.reserved, 0) ${q.inStock ? '>' : '<='} 0`);
  for (const [name, vals] of Object.entries(q.attrs)) {
    where.push(`p.attributes ->> ${p(name)} = ANY(${p(vals)}::text[])`);
  }

  // params referenced by WHERE only (count/facet queries); sort params are appended after
  const whereParams = [...params];
  const sortName = effectiveSort(q.sort, q.q);
  let sort: SortSpec;
  switch (sortName) {
    case 'price_asc':
      sort = { key: 'p.price', dir: 'ASC', cast: 'numeric' };
      break;
    case 'price_desc':
      sort = { key: 'p.price', dir: 'DESC', cast: 'numeric' };
      break;
    case 'newest':
      sort = { key: 'p.created_at', dir: 'DESC', cast: 'timestamptz' };
      break;
    default: {
      const nameHits = terms.map((t) => `(CASE WHEN p.name ILIKE ${p(`%${escapeLike(t)}%`)} THEN 2 ELSE 0 END)`);
      const skuHit = `(CASE WHEN lower(p.sku) = ${p(q.q!.toLowerCase())} THEN 10 ELSE 0 END)`;
      sort = { key: `(${[...nameHits, skuHit].join(' + ')})`, dir: 'DESC', cast: 'integer' };
    }
  }
  return { where: where.join(' AND '), params, whereParams, sort, sortName };
}

/**
 * True when a cursor's sort key is one this backend issued for that sort (its text form): the key
 * is cast in SQL, so anything else must be a 400, not a database error.
 */
export function isOwnCursorKey(sort: ProductSort, k: string | number): boolean {
  if (typeof k !== 'string') return false;
  switch (sort) {
    case 'price_asc':
    case 'price_desc':
      return /^\d{1,12}(\.\d{1,2})?$/.test(k);
    case 'newest':
      return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(k);
    default:
      return /^-?\d{1,9}$/.test(k);
  }
}

@Injectable()
export class PgProductSearchService extends ProductSearch {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ProductReader,
  ) {
    super();
  }

  async search(q: ProductQuery): Promise<ProductPage> {
    const { where, params, whereParams, sort, sortName } = buildSearchSql(q);
    if (q.cursor && !isOwnCursorKey(sortName, q.cursor.k)) {
      throw new ValidationFailedException([{ field: 'cursor', message: 'is not a valid cursor' }], 'Invalid query: cursor');
    }
    const from = `FROM products p JOIN brands b ON b.id = p.brand_id JOIN categories c ON c.id = p.category_id
                  LEFT JOIN inventory i ON i.product_id = p.id`;
    const cmp = sort.dir === 'DESC' ? '<' : '>';
    const pageParams = [...params];
    let pageWhere = where;
    let offset = 0;
    if (q.cursor) {
      pageParams.push(String(q.cursor.k), q.cursor.i);
      pageWhere += ` AND (${sort.key}, p.id) ${cmp} ($${pageParams.length - 1}::${sort.cast}, $${pageParams.length}::bigint)`;
    } else {
      offset = (q.page - 1) * q.pageSize;
    }
    pageParams.push(q.pageSize + 1, offset);
    // the page and the three aggregates are independent: one round trip's time instead of four
    const priceCounts = PRICE_RANGES.map((r, i) => {
      const cond = [r.from !== undefined ? `p.price >= ${r.from}` : 'true', r.to !== undefined ? `p.price < ${r.to}` : 'true'].join(
        ' AND ',
      );
      return `count(*) FILTER (WHERE ${cond})::int AS r${i}`;
    }).join(', ');
    const [rows, [countRow], [priceRow], facetRows] = (await Promise.all([
      this.db.query(
        `SELECT p.id, (${sort.key})::text AS sort_key ${from} WHERE ${pageWhere}
          ORDER BY ${sort.key} ${sort.dir}, p.id ${sort.dir} LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        pageParams,
      ),
      this.db.query(`SELECT count(*)::int AS n FROM (SELECT 1 ${from} WHERE ${where} LIMIT ${TOTAL_CAP + 1}) t`, whereParams),
      // price facet: the index's ranges, counted under all filters in one pass
      this.db.query(`SELECT ${priceCounts} ${from} WHERE ${where}`, whereParams),
      this.db.query(
        `SELECT b.name AS value, count(*)::int AS count ${from} WHERE ${where} GROUP BY b.name ORDER BY count DESC, b.name LIMIT 20`,
        whereParams,
      ),
    ])) as [
      Array<{ id: string; sort_key: string }>,
      Array<{ n: number }>,
      Array<Record<string, number>>,
      Array<{ value: string; count: number }>,
    ];
    const hasMore = rows.length > q.pageSize;
    const pageRows = rows.slice(0, q.pageSize);
    const items = await this.reader.load(
      pageRows.map((r) => Number(r.id)),
      { publicOnly: true },
    );
    const last = pageRows[pageRows.length - 1];
    return {
      items,
      total: Math.min(countRow.n, TOTAL_CAP),
      totalRelation: countRow.n > TOTAL_CAP ? 'gte' : 'eq',
      page: q.cursor ? null : q.page, // a cursor page has no page number
      pageSize: q.pageSize,
      nextCursor: hasMore && last ? encodeCursor({ s: sortName, k: last.sort_key, i: Number(last.id) }) : null,
      facets: {
        brand: facetRows,
        price: PRICE_RANGES.map((r, i) => ({ value: r.key, from: r.from ?? null, to: r.to ?? null, count: priceRow[`r${i}`] ?? 0 })),
      },
    };
  }
}
