import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProductReader } from '../src/catalog/product-reader';
import { ProductDocumentSource } from '../src/search/documents/product-document.source';
import { IndexManager } from '../src/search/index/index-manager';
import { ReindexService } from '../src/search/maintenance/reindex.service';
import { compareDocument, VerifyService } from '../src/search/maintenance/verify.service';
import {
  createFixture,
  eventually,
  Fixture,
  IndexerProcess,
  insertProduct,
  removeFixture,
  SearchContext,
  startIndexer,
  startSearchApp,
  unique,
} from './search-e2e.support';

/**
 * make reindex while the catalog changes: every update made during the rebuild is in the new index,
 * and searches keep answering through the alias swap. Real PostgreSQL, Kafka, Connect, ES, Redis.
 */
describe('reindex without loss (e2e)', () => {
  let ctx: SearchContext;
  let indexer: IndexerProcess;
  let f: Fixture;
  let source: ProductDocumentSource;

  beforeAll(async () => {
    ctx = await startSearchApp();
    indexer = await startIndexer(unique('search-indexer-reindex-'));
    f = await createFixture(ctx.db);
    source = new ProductDocumentSource(ctx.app.get<DataSource>(getDataSourceToken()), ctx.app.get(ProductReader, { strict: false }));
  }, 120000);

  afterAll(async () => {
    try {
      if (f) await removeFixture(ctx.db, f);
    } finally {
      await indexer?.close();
      await ctx?.close();
    }
  });

  it('loses no update made during the rebuild and keeps answering queries through the swap', async () => {
    const products = [];
    for (let i = 0; i < 40; i++) products.push(await insertProduct(ctx.db, f, { name: `Reindex item ${i}`, price: 10 + i }));
    const ids = products.map((p) => p.id);
    const listed = async () =>
      (await ctx.http().get('/api/products').query({ 'attr.e2etag': f.tag, pageSize: '100' }).expect(200)).body.items as Array<{
        id: number;
        price: number;
        name: string;
      }>;
    await eventually('fixture indexed', async () => (await listed()).length === 40, 10000);

    const indexes = new IndexManager(ctx.es);
    const before = await indexes.indicesOf(ctx.settings.SEARCH_PRODUCTS_ALIAS);
    const reindex = new ReindexService(ctx.es, ctx.settings, indexes, source).run();
    let done = false;
    reindex.finally(() => (done = true)).catch(() => undefined);

    // writers and readers while the rebuild runs
    let round = 0;
    let queries = 0;
    const failures: string[] = [];
    const created: number[] = [];
    const reader = (async () => {
      while (!done) {
        const res = await ctx.http().get('/api/products').query({ q: 'reindex item', 'attr.e2etag': f.tag });
        queries++;
        if (res.status !== 200) failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    while (!done) {
      round++;
      await ctx.db.query(`UPDATE products SET price = price + 1, name = $2 WHERE id = ANY($1::bigint[])`, [
        ids,
        `Reindex item round ${round}`,
      ]);
      if (round % 5 === 0) created.push((await insertProduct(ctx.db, f, { name: `Reindex new ${round}`, price: 5 })).id);
      if (round === 3) await ctx.db.query(`UPDATE products SET deleted_at = now() WHERE id = $1`, [ids[0]]);
      if (round === 4) await ctx.db.query(`UPDATE inventory SET on_hand = 0 WHERE product_id = $1`, [ids[1]]);
      await new Promise((r) => setTimeout(r, 200));
    }
    const report = await reindex;
    await reader;
    expect(failures).toEqual([]);
    expect(queries).toBeGreaterThan(3);
    expect(round).toBeGreaterThan(3);
    expect(report.previous).toEqual(before);
    expect(await indexes.indicesOf(ctx.settings.SEARCH_PRODUCTS_ALIAS)).toEqual([report.index]);
    expect(await indexes.indicesOf(ctx.settings.productsWriteAlias)).toEqual([report.index]);

    // every change (including the last round, written by the CDC indexer into both indexes) is there
    const expectedAll = [...ids, ...created];
    await eventually(
      'new index converged',
      async () => {
        const expected = await source.load(expectedAll);
        const actual = await ctx.es.mget({ index: report.index, ids: expectedAll.map(String) });
        const byId = new Map(
          (actual.docs as Array<{ _id: string; found?: boolean; _source?: Record<string, unknown> }>)
            .filter((d) => d.found)
            .map((d) => [Number(d._id), d._source]),
        );
        return expected.every((doc) => compareDocument(doc, byId.get(doc.id)) === undefined);
      },
      10000,
      250,
    );
    // searchable (refreshed) and the result cache invalidated: the API shows the last round
    const items = await eventually(
      'API shows the final state',
      async () => {
        const list = await listed();
        const final = list.find((i) => i.id === ids[2])?.name === `Reindex item round ${round}`;
        return final && created.every((id) => list.some((i) => i.id === id)) ? list : undefined;
      },
      5000,
    );
    expect(items.find((i) => i.id === ids[0])).toBeUndefined();
    expect(items.find((i) => i.id === ids[2])).toMatchObject({ name: `Reindex item round ${round}`, price: 12 + round });
    for (const id of created) expect(items.find((i) => i.id === id)).toBeDefined();

    const verify = await new VerifyService(ctx.es, ctx.settings, source).run();
    const drift = Object.values(verify.drift).reduce((a, b) => a + b, 0);
    expect(drift).toBeLessThanOrEqual(5); // other engineers may be changing the shared catalog right now
  }, 600000);
});
