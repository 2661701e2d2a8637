import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProductReader } from '../src/catalog/product-reader';
import { ProductDocumentSource } from '../src/search/documents/product-document.source';
import { VerifyService } from '../src/search/maintenance/verify.service';
import { PRICE_RANGES } from '../src/search/query/price-ranges';
import { parseProductQuery } from '../src/catalog/product-query';
import { EsProductSearchService } from '../src/search/backends/es-product-search.service';
import { ensureCatalog, eventually, SearchContext, startSearchApp } from './search-e2e.support';

type Facet = { value: string; count: number; id?: number; children?: Facet[] };
type Page = {
  items: Array<{ id: number; price: number; highlight?: Record<string, string[]> }>;
  total: number;
  totalRelation: string;
  nextCursor: string | null;
  facets: Record<string, Facet[]>;
};

/**
 * Search API on the seeded catalog (whatever `make seed` loaded: facet counts are compared with
 * SQL on the same database, after verify-index --repair removed any drift). Real PostgreSQL + ES.
 */
describe('GET /api/products on Elasticsearch (e2e)', () => {
  let ctx: SearchContext;

  beforeAll(async () => {
    ctx = await startSearchApp();
    await ensureCatalog(ctx.db);
    const db = ctx.app.get<DataSource>(getDataSourceToken());
    const source = new ProductDocumentSource(db, ctx.app.get(ProductReader, { strict: false }));
    const report = await new VerifyService(ctx.es, ctx.settings, source).run({ repair: true });
    if (report.postgresVisible < 1000)
      throw new Error(`seed a catalog first (make seed PRODUCTS=5000): ${report.postgresVisible} visible products`);
    await ctx.es.indices.refresh({ index: ctx.settings.SEARCH_PRODUCTS_ALIAS });
  }, 300000);

  afterAll(async () => {
    await ctx?.close();
  });

  const get = async (query: Record<string, string | string[]>): Promise<Page> =>
    (await ctx.http().get('/api/products').query(query).expect(200)).body as Page;

  /** SQL for the same filters as the API (visible = active and not soft-deleted). */
  const sqlWhere = (
    f: { category?: string; brands?: string[]; inStock?: boolean; attr?: [string, string[]]; minPrice?: number; maxPrice?: number },
    skip?: string,
  ) => {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [`p.status = 'active'`, 'p.deleted_at IS NULL'];
    if (f.category && skip !== 'category')
      where.push(
        `EXISTS (SELECT 1 FROM categories root WHERE (root.slug = ${p(f.category)} OR root.id::text = ${p(f.category)}) AND c.path LIKE root.path || '%')`,
      );
    if (f.brands && skip !== 'brand') where.push(`lower(b.name) = ANY(${p(f.brands.map((x) => x.toLowerCase()))}::text[])`);
    if (f.inStock !== undefined) where.push(`(COALESCE(i.on_hand - i.reserved, 0) > 0) = ${p(f.inStock)}`);
    if (f.attr && skip !== `attr.${f.attr[0]}`)
      where.push(`lower(p.attributes ->> ${p(f.attr[0])}) = ANY(${p(f.attr[1].map((x) => x.toLowerCase()))}::text[])`); // values are indexed lower-case
    if (skip !== 'price') {
      if (f.minPrice !== undefined) where.push(`p.price >= ${p(f.minPrice)}`);
      if (f.maxPrice !== undefined) where.push(`p.price <= ${p(f.maxPrice)}`);
    }
    return {
      sql: `FROM products p JOIN brands b ON b.id = p.brand_id JOIN categories c ON c.id = p.category_id LEFT JOIN inventory i ON i.product_id = p.id WHERE ${where.join(' AND ')}`,
      params,
    };
  };
  // ctx.db is one pg Client: its queries are chained (overlapping ones are deprecated in pg 8, an error in pg 9)
  let previous: Promise<unknown> = Promise.resolve();
  const rows = (sql: string, params: unknown[]) => {
    const result = previous.then(() => ctx.db.query(sql, params));
    previous = result.catch(() => undefined);
    return result.then((r) => r.rows as Array<Record<string, any>>); // eslint-disable-line @typescript-eslint/no-explicit-any -- SQL rows of ad-hoc queries
  };

  async function pickFilters() {
    const [topBrands, root, attr] = await Promise.all([
      rows(
        `SELECT b.name, count(*)::int AS n FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.status = 'active' AND p.deleted_at IS NULL GROUP BY b.name ORDER BY n DESC, b.name LIMIT 3`,
        [],
      ),
      rows(
        `SELECT c.slug, count(*)::int AS n FROM products p JOIN categories leaf ON leaf.id = p.category_id JOIN categories c ON leaf.path LIKE c.path || '%' AND c.parent_id IS NULL
             WHERE p.status = 'active' AND p.deleted_at IS NULL GROUP BY c.slug ORDER BY n DESC LIMIT 1`,
        [],
      ),
      rows(
        `SELECT key, value, count(*)::int AS n FROM products p, jsonb_each_text(p.attributes) WHERE p.status = 'active' AND p.deleted_at IS NULL AND key NOT IN ('e2etag')
             GROUP BY key, value ORDER BY n DESC LIMIT 2`,
        [],
      ),
    ]);
    return {
      brands: topBrands.map((b) => b.name as string),
      root: root[0].slug as string,
      attr: [attr[0].key as string, [attr[0].value as string, attr[1]?.key === attr[0].key ? attr[1].value : attr[0].value]] as [
        string,
        string[],
      ],
    };
  }

  it('facet counts equal SQL counts (multi-select: each facet ignores its own filter)', async () => {
    const pick = await pickFilters();
    const combos = [
      {},
      { category: pick.root },
      { brands: pick.brands.slice(0, 2), inStock: true },
      { category: pick.root, attr: pick.attr, minPrice: 20, maxPrice: 400 },
      { brands: [pick.brands[0]], attr: pick.attr, inStock: false },
    ];
    for (const f of combos) {
      const query: Record<string, string | string[]> = { pageSize: '1' };
      if ('category' in f && f.category) query.category = f.category;
      if ('brands' in f && f.brands) query.brand = f.brands;
      if ('inStock' in f && f.inStock !== undefined) query.inStock = String(f.inStock);
      if ('attr' in f && f.attr) query[`attr.${f.attr[0]}`] = f.attr[1];
      if ('minPrice' in f && f.minPrice !== undefined) query.minPrice = String(f.minPrice);
      if ('maxPrice' in f && f.maxPrice !== undefined) query.maxPrice = String(f.maxPrice);
      const page = await get(query);
      const label = JSON.stringify(f);

      const all = sqlWhere(f);
      const [{ n }] = await rows(`SELECT count(*)::int AS n ${all.sql}`, all.params);
      if (page.totalRelation === 'gte')
        expect(n).toBeGreaterThanOrEqual(page.total); // exact only up to the threshold
      else expect({ label, total: page.total }).toEqual({ label, total: n });

      const brand = sqlWhere(f, 'brand');
      const brandCounts = await rows(
        `SELECT b.name AS value, count(*)::int AS count ${brand.sql} GROUP BY b.name ORDER BY count DESC, b.name`,
        brand.params,
      );
      expect({ label, brand: page.facets.brand }).toEqual({ label, brand: brandCounts.slice(0, 100) });

      const price = sqlWhere(f, 'price');
      const priceCounts = await Promise.all(
        PRICE_RANGES.map(async (r) => {
          const cond = [r.from !== undefined ? `p.price >= ${r.from}` : 'true', r.to !== undefined ? `p.price < ${r.to}` : 'true'].join(
            ' AND ',
          );
          return { value: r.key, count: (await rows(`SELECT count(*)::int AS n ${price.sql} AND ${cond}`, price.params))[0].n as number };
        }),
      );
      expect({ label, price: page.facets.price.map((b) => ({ value: b.value, count: b.count })) }).toEqual({ label, price: priceCounts });

      const cat = sqlWhere(f, 'category');
      const rootCounts = await rows(
        `SELECT r.slug AS value, count(*)::int AS count ${cat.sql.replace('WHERE', "JOIN categories r ON r.parent_id IS NULL AND c.path LIKE r.path || '%' WHERE")} GROUP BY r.slug ORDER BY r.slug`,
        cat.params,
      );
      expect({
        label,
        roots: page.facets.category.map((c) => ({ value: c.value, count: c.count })).sort((a, b) => a.value.localeCompare(b.value)),
      }).toEqual({ label, roots: rootCounts });

      const attrName = pick.attr[0];
      const at = sqlWhere(f, `attr.${attrName}`);
      const attrCounts = await rows(
        `SELECT lower(p.attributes ->> '${attrName.replace(/'/g, "''")}') AS value, count(*)::int AS count ${at.sql} AND p.attributes ? '${attrName.replace(/'/g, "''")}' GROUP BY 1`,
        at.params,
      );
      const apiAttr = Object.fromEntries((page.facets[`attr.${attrName}`] ?? []).map((v) => [v.value, v.count]));
      expect({ label, attr: apiAttr }).toEqual({ label, attr: Object.fromEntries(attrCounts.map((r) => [r.value, r.count])) });
    }
  }, 120000);

  it('pages deep with a cursor: 1000+ results, no duplicates, nothing skipped, stable order', async () => {
    const pick = await pickFilters();
    const first = await get({ category: pick.root, sort: 'price_asc', pageSize: '100' });
    expect(first.total).toBeGreaterThan(1000);
    const target = first.totalRelation === 'eq' ? first.total : 3000;
    const seen = new Set<number>();
    let last = -1;
    let page = first;
    for (;;) {
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
        expect(item.price).toBeGreaterThanOrEqual(last);
        last = item.price;
      }
      if (!page.nextCursor || seen.size >= target) break;
      page = await get({ category: pick.root, sort: 'price_asc', pageSize: '100', cursor: page.nextCursor });
    }
    expect(seen.size).toBe(target);
    if (first.totalRelation === 'eq') {
      const all = sqlWhere({ category: pick.root });
      const ids = (await rows(`SELECT p.id ${all.sql}`, all.params)).map((r) => Number(r.id));
      expect([...seen].sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    }
  }, 180000);

  const pitOf = (cursor: string) => (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: string }).p;

  it('cursor pages read one point-in-time snapshot: a product repriced mid-walk is neither skipped nor moved', async () => {
    const pick = await pickFilters();
    const q = { category: pick.root, sort: 'price_asc', pageSize: '50' };
    const first = await get(q);
    expect(pitOf(first.nextCursor!)).toBeUndefined(); // a shallow page opens no PIT
    const second = await get({ ...q, cursor: first.nextCursor! });
    expect(pitOf(second.nextCursor!)).toMatch(/^[A-Za-z0-9+/=_-]{20,}$/);
    const third = await get({ ...q, cursor: second.nextCursor! });
    // a product of page 3 becomes the cheapest: in the live index it now sorts before the cursor
    const moved = third.items[25];
    const [{ price: oldPrice }] = await rows('SELECT price::text AS price FROM products WHERE id = $1', [moved.id]);
    await ctx.db.query('UPDATE products SET price = 0.01, updated_at = now() WHERE id = $1', [moved.id]);
    try {
      await eventually('the repriced product first in the live index', async () => (await get(q)).items[0]?.id === moved.id, 30000, 250);
      const again = await get({ ...q, cursor: second.nextCursor! });
      expect(again.items.map((i) => i.id)).toEqual(third.items.map((i) => i.id));
      expect(again.items[25]).toMatchObject({ id: moved.id, price: moved.price });
    } finally {
      await ctx.db.query('UPDATE products SET price = $2::numeric, updated_at = now() WHERE id = $1', [moved.id, oldPrice]);
    }
  }, 90000);

  it('a cursor whose point in time is gone continues from its sort values; a forged one is a 400 naming cursor', async () => {
    const pick = await pickFilters();
    const raw = { category: pick.root, sort: 'price_desc', pageSize: '20' };
    const first = await get(raw);
    const second = await get({ ...raw, cursor: first.nextCursor! });
    const cursor = second.nextCursor!;
    // straight to the search service: the Redis list cache would answer the repeated request
    const search = ctx.app.get(EsProductSearchService, { strict: false });
    const inPit = await search.search(parseProductQuery({ ...raw, cursor }));
    await ctx.es.closePointInTime({ id: pitOf(cursor)! });
    const restarted = await search.search(parseProductQuery({ ...raw, cursor }));
    expect(restarted.items.map((i) => i.id)).toEqual(inPit.items.map((i) => i.id));
    expect(pitOf(restarted.nextCursor!)).not.toEqual(pitOf(cursor));

    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')), p: 'bm90LWEtcGl0' }),
    ).toString('base64url');
    const res = await ctx
      .http()
      .get('/api/products')
      .query({ ...raw, cursor: forged })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'cursor', message: 'refers to an invalid point in time' }]);
  }, 60000);

  it.each([
    ['pageSize', { pageSize: '500' }],
    ['pageSize', { pageSize: '0' }],
    ['minPrice', { minPrice: '-5' }],
    ['maxPrice', { maxPrice: '-0.01' }],
    ['minPrice', { minPrice: '50', maxPrice: '10' }],
    ['sort', { sort: 'cheapest' }],
    ['cursor', { cursor: 'garbage!!' }],
    ['cursor', { cursor: Buffer.from('{"s":"newest","k":"x","i":5}').toString('base64url') }],
    ['q', { q: 'x'.repeat(10 * 1024), label: '10 kB' }],
    ['page', { page: '200', pageSize: '100' }],
    ['inStock', { inStock: 'maybe' }],
  ])('rejects a bad %s (case %#) with 400 naming it', async (field, raw) => {
    const { label: _label, ...query } = raw as Record<string, string>;
    const res = await ctx.http().get('/api/products').query(query).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(res.body.message).toContain(field);
  });

  it.each(['"', '*', '(', '\\', ':', 'a:b OR (c AND "d', '\\"*?~^[]{}', '/regex/', 'sku:* AND price:>1', '&&||!'])(
    'never fails on query syntax in q=%p',
    async (q) => {
      await ctx.http().get('/api/products').query({ q }).expect(200);
      await ctx.http().get('/api/products/suggest').query({ q }).expect(200);
    },
  );

  it('text search: relevance with highlight, exact sku first, typo tolerance and synonyms', async () => {
    const [row] = await rows(
      `SELECT p.sku, p.name FROM products p WHERE p.status = 'active' AND p.deleted_at IS NULL ORDER BY p.id LIMIT 1`,
      [],
    );
    const bySku = await get({ q: row.sku });
    expect(bySku.items[0]).toMatchObject({ sku: row.sku });

    const word = (row.name as string).split(' ').find((w) => w.length >= 6) ?? (row.name as string).split(' ')[0];
    const hl = await get({ q: word });
    expect(hl.total).toBeGreaterThan(0);
    expect(JSON.stringify(hl.items[0].highlight)).toContain('<em>');
    const typo = word.slice(0, -2) + word.slice(-1) + word.slice(-2, -1); // swap the last two letters
    expect((await get({ q: typo })).total).toBeGreaterThan(0);

    const tees = await rows(
      `SELECT count(*)::int AS n FROM products WHERE name ILIKE '%t-shirt%' AND status = 'active' AND deleted_at IS NULL`,
      [],
    );
    if (tees[0].n > 0) {
      const res = await get({ q: 'tee', pageSize: '100' });
      expect(res.items.some((i) => /t-shirt/i.test((i as unknown as { name: string }).name))).toBe(true);
    }
  });

  it('suggest answers up to 10 prefix matches (server time: see bench/search-suggest.mjs)', async () => {
    const [row] = await rows(`SELECT name FROM products WHERE status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT 1`, []);
    const prefix = (row.name as string).split(' ')[0].slice(0, 4);
    await ctx.http().get('/api/products/suggest').query({ q: prefix }).expect(200); // warm
    const res = await ctx.http().get('/api/products/suggest').query({ q: prefix }).expect(200);
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    expect(res.body.suggestions.length).toBeLessThanOrEqual(10);
    for (const s of res.body.suggestions) expect(s.name.toLowerCase()).toContain(prefix.toLowerCase());
    expect(typeof res.body.tookMs).toBe('number');
    await ctx
      .http()
      .get('/api/products/suggest')
      .expect(400)
      .expect((r) => expect(r.body.details[0].field).toBe('q'));
  });

  it('typo tolerance counts edits on the unstemmed word (Algolia-style: 1 from 4 letters, 2 from 8)', async () => {
    const [{ n }] = await rows(
      `SELECT count(*)::int AS n FROM products WHERE status = 'active' AND deleted_at IS NULL AND name ILIKE '%jeans%'`,
      [],
    );
    expect(n).toBeGreaterThan(0); // the seeded catalog always has jeans (catalog-data.ts)
    // each is one edit from "jeans" but two from its stem "jean": found only through the unstemmed subfield
    for (const q of ['jeens', 'jaens', 'jens', 'jeaans']) {
      const page = await get({ q, pageSize: '10' });
      expect({ q, found: page.items.some((i) => /jeans/i.test((i as unknown as { name: string }).name)) }).toEqual({ q, found: true });
    }
  });

  it('"did you mean": a query that finds (almost) nothing carries a correction that finds products', async () => {
    const words = (
      await rows(
        `SELECT lower(w) AS w FROM (SELECT regexp_split_to_table(name, '[^A-Za-z]+') AS w FROM products
      WHERE status = 'active' AND deleted_at IS NULL) t WHERE length(w) = 7 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
        [],
      )
    ).map((r) => r.w as string);
    // two letters dropped from a 7-letter word: beyond the one typo it may have; skip words whose mangled form is a real word
    const candidates = [];
    for (const word of words) {
      const page = await get({ q: word[0] + word.slice(3) });
      if (page.total < 3) candidates.push({ word, page });
    }
    expect(candidates.length).toBeGreaterThan(0);
    for (const { word, page } of candidates) {
      expect({ word, didYouMean: (page as unknown as { didYouMean: string | null }).didYouMean }).toEqual({ word, didYouMean: word });
    }
    const nothing = await get({ q: 'zzqqxxvv' });
    expect({ total: nothing.total, didYouMean: (nothing as unknown as { didYouMean: string | null }).didYouMean }).toEqual({
      total: 0,
      didYouMean: null,
    });
  });

  it('GET /api/categories returns the tree with product counts equal to SQL', async () => {
    const res = await ctx.http().get('/api/categories').expect(200);
    const roots = res.body.items as Facet[];
    const sql = await rows(
      `SELECT r.slug AS value, count(p.id)::int AS count FROM categories r
        LEFT JOIN categories c ON c.path LIKE r.path || '%'
        LEFT JOIN products p ON p.category_id = c.id AND p.status = 'active' AND p.deleted_at IS NULL
       WHERE r.parent_id IS NULL GROUP BY r.slug ORDER BY r.slug`,
      [],
    );
    expect(roots.map((r) => ({ value: r.value, count: r.count })).sort((a, b) => a.value.localeCompare(b.value))).toEqual(sql);
    expect(roots.some((r) => (r.children ?? []).length > 0)).toBe(true);
  });
});
