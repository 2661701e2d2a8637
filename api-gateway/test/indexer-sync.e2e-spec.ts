import { Kafka, logLevel } from 'kafkajs';
import { writeDocuments } from '../src/search/documents/bulk-writer';
import { createUser } from './support/test-app';
import {
  createFixture,
  endOffsets,
  eventually,
  Fixture,
  groupReached,
  IndexerProcess,
  insertProduct,
  removeFixture,
  SearchContext,
  startIndexer,
  startSearchApp,
  unique,
} from './search-e2e.support';

/**
 * CDC end to end: SQL change -> Debezium -> Kafka -> indexer -> Elasticsearch -> GET /api/products,
 * each within 5 s. Real PostgreSQL, Connect, Kafka, ES and Redis.
 */
describe('CDC indexer keeps /api/products in sync (e2e)', () => {
  let ctx: SearchContext;
  let indexer: IndexerProcess;
  let f: Fixture;
  /** Accounts the tests create, removed with the fixture. */
  const userIds: number[] = [];
  const groupId = unique('search-indexer-e2e-');

  beforeAll(async () => {
    ctx = await startSearchApp();
    indexer = await startIndexer(groupId);
    f = await createFixture(ctx.db);
  }, 120000);

  afterAll(async () => {
    try {
      if (f) await removeFixture(ctx.db, f, userIds);
    } finally {
      await indexer?.close();
      await ctx?.close();
    }
  });

  /** The fixture's products as the API lists them (attr.e2etag isolates this test's rows). */
  const list = async (extra: Record<string, string> = {}) => {
    const res = await ctx
      .http()
      .get('/api/products')
      .query({ 'attr.e2etag': f.tag, pageSize: '100', ...extra })
      .expect(200);
    return res.body as { items: Array<Record<string, any>>; total: number; facets: Record<string, any[]> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- API/ES JSON read field by field
  };
  const find = async (id: number, extra: Record<string, string> = {}) => (await list(extra)).items.find((i) => i.id === id);

  it('insert, update, soft delete, restore, draft and hard delete are reflected within 5 s', async () => {
    const p = await insertProduct(ctx.db, f, { name: 'Alpine wool sweater', price: 49.5 });
    const created = await eventually('insert visible', () => find(p.id));
    expect(created).toMatchObject({ sku: p.sku, price: 49.5, brand: f.brandName, inStock: true, stock: 10 });
    expect(created!.category.path).toEqual([f.rootSlug, f.childSlug]);

    await ctx.db.query(`UPDATE products SET name = 'Alpine merino sweater', price = 59.95 WHERE id = $1`, [p.id]);
    await eventually(
      'update visible',
      async () => (await find(p.id))?.price === 59.95 && (await find(p.id))?.name === 'Alpine merino sweater',
    );

    await ctx.db.query(`UPDATE products SET deleted_at = now() WHERE id = $1`, [p.id]);
    await eventually('soft delete hides', async () => (await find(p.id)) === undefined);

    await ctx.db.query(`UPDATE products SET deleted_at = NULL WHERE id = $1`, [p.id]);
    await eventually('restore shows again', () => find(p.id));

    await ctx.db.query(`UPDATE products SET status = 'draft' WHERE id = $1`, [p.id]);
    await eventually('draft hides', async () => (await find(p.id)) === undefined);
    await ctx.db.query(`UPDATE products SET status = 'active' WHERE id = $1`, [p.id]);
    await eventually('active shows', () => find(p.id));

    await ctx.db.query(`DELETE FROM products WHERE id = $1`, [p.id]);
    await eventually('hard delete hides', async () => (await find(p.id)) === undefined);
    await ctx.http().get(`/api/products/${p.id}`).expect(404);
  });

  it('stock changes move a product in and out of inStock', async () => {
    const p = await insertProduct(ctx.db, f, { name: 'Trail runner sneakers', price: 89, stock: 3 });
    await eventually('in stock', async () => (await find(p.id, { inStock: 'true' }))?.stock === 3);
    await ctx.db.query(`UPDATE inventory SET on_hand = 0 WHERE product_id = $1`, [p.id]);
    await eventually('out of stock', async () => (await find(p.id, { inStock: 'false' }))?.inStock === false);
    expect(await find(p.id, { inStock: 'true' })).toBeUndefined();
    await ctx.db.query(`UPDATE inventory SET on_hand = 7, reserved = 2 WHERE product_id = $1`, [p.id]);
    await eventually('back in stock with on_hand - reserved', async () => (await find(p.id, { inStock: 'true' }))?.stock === 5);
  });

  it('a category move re-paths every product of the subtree; a brand rename updates its products', async () => {
    const p = await insertProduct(ctx.db, f, { name: 'Canvas tote bag', price: 25 });
    await eventually('under the first root', async () => (await find(p.id, { category: f.rootSlug })) !== undefined);

    await ctx.db.query(`UPDATE categories SET parent_id = $1 WHERE id = $2`, [f.otherRootId, f.childId]);
    const moved = await eventually('under the other root', () => find(p.id, { category: f.otherRootSlug }));
    expect(moved.category.path).toEqual([f.otherRootSlug, f.childSlug]);
    expect(await find(p.id, { category: String(f.rootId) })).toBeUndefined();

    const renamed = `Renamed ${f.tag}`;
    await ctx.db.query(`UPDATE brands SET name = $1 WHERE id = $2`, [renamed, f.brandId]);
    await eventually('brand renamed', async () => (await find(p.id))?.brand === renamed);
    const facets = (await list()).facets;
    expect(facets.brand.map((b) => b.value)).toEqual([renamed]);
    f.brandName = renamed;
  });

  it('sends a poison message to the dead-letter topic and keeps consuming', async () => {
    const kafka = new Kafka({ clientId: 'e2e-poison', brokers: ctx.settings.brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const marker = `poison-${f.tag}`;
    const dlq = kafka.consumer({ groupId: `e2e-dlq-${f.tag}` });
    await dlq.connect();
    await dlq.subscribe({ topic: ctx.settings.INDEXER_DLQ_TOPIC, fromBeginning: true });
    const seen: Array<{ value: string; headers: Record<string, string> }> = [];
    await dlq.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        seen.push({ value: message.value?.toString() ?? '', headers });
      },
    });
    try {
      await producer.send({ topic: ctx.settings.topic('products'), messages: [{ key: '{"id":1}', value: `{not json ${marker}` }] });
      const letter = await eventually('dead letter', async () => seen.find((s) => s.value.includes(marker)), 20000);
      expect(letter.headers['x-error']).toMatch(/not JSON/);
      expect(letter.headers['x-original-topic']).toBe(ctx.settings.topic('products'));
      expect(letter.headers['x-original-offset']).toMatch(/^\d+$/);

      const p = await insertProduct(ctx.db, f, { name: 'After the poison', price: 12 });
      await eventually('consumer still going', () => find(p.id));
    } finally {
      await dlq.disconnect();
      await producer.disconnect();
    }
  }, 60000);

  it('re-delivering an old batch (offsets reset) and a late stale write regress nothing', async () => {
    const p = await insertProduct(ctx.db, f, { name: 'Replay lamp v1', price: 10 });
    const gone = await insertProduct(ctx.db, f, { name: 'Replay deleted', price: 10 });
    await eventually('v1', async () => (await find(p.id)) && (await find(gone.id)));
    const before = await endOffsets(ctx.settings); // the old batch starts here
    for (let v = 2; v <= 5; v++)
      await ctx.db.query(`UPDATE products SET name = $1, price = $2 WHERE id = $3`, [`Replay lamp v${v}`, 10 * v, p.id]);
    await ctx.db.query(`UPDATE products SET deleted_at = now() WHERE id = $1`, [gone.id]);
    await eventually('v5', async () => (await find(p.id))?.name === 'Replay lamp v5' && (await find(gone.id)) === undefined);

    // a late writer with an older version (LSN) is rejected by external versioning
    const [doc] = (await ctx.es.search({ index: ctx.settings.SEARCH_PRODUCTS_ALIAS, query: { term: { id: p.id } } })).hits.hits as Array<{
      _source: { indexedLsn: number };
    }>;
    const targets = Object.keys(await ctx.es.indices.getAlias({ name: ctx.settings.productsWriteAlias }));
    const outcome = await writeDocuments(
      ctx.es,
      targets,
      [{ id: p.id, indexedLsn: doc._source.indexedLsn - 1, visible: true, name: 'Replay lamp v1', price: 10 } as never],
      'wait_for',
    );
    expect(outcome.stale).toBe(targets.length);
    expect(outcome.written).toBe(0);

    // re-deliver the batch v2..v5 + soft delete: stop, rewind the group, start again
    const end = await endOffsets(ctx.settings);
    await indexer.close();
    indexer = await startIndexer(groupId, {}, before);
    await eventually('replayed', () => groupReached(ctx.settings, groupId, end), 30000, 250);
    expect(await find(p.id)).toMatchObject({ name: 'Replay lamp v5', price: 50 });
    expect(await find(gone.id)).toBeUndefined();
    const [after] = (await ctx.es.search({ index: ctx.settings.SEARCH_PRODUCTS_ALIAS, query: { term: { id: p.id } } })).hits.hits as Array<{
      _source: { indexedLsn: number };
    }>;
    expect(after._source.indexedLsn).toBeGreaterThanOrEqual(doc._source.indexedLsn);
  }, 120000);

  it('indexes orders with their items into the read-only orders analytics index', async () => {
    const p = await insertProduct(ctx.db, f, { name: 'Ordered mug', price: 8.5 });
    const user = await ctx.db.query(
      `INSERT INTO users (email, name, password_hash) VALUES ($1, 'Buyer', '$2b$04$abcdefghijklmnopqrstuuJ0RYpX7e1Ff0eXbBJV5/6ExnUvHiC2') RETURNING id`,
      [`${f.tag}@example.test`],
    );
    userIds.push(Number(user.rows[0].id));
    const order = await ctx.db.query(
      `INSERT INTO orders (number, user_id, status, currency, subtotal, total, shipping_address) VALUES ($1, $2, 'pending', 'USD', 17, 17, $3::jsonb) RETURNING id`,
      [`E2E-${f.tag}`.slice(0, 32), user.rows[0].id, JSON.stringify({ country: 'DE', city: 'Berlin' })],
    );
    const orderId = Number(order.rows[0].id);
    await ctx.db.query(
      `INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity, line_total) VALUES ($1, $2, $3, 'Ordered mug', 8.5, 2, 17)`,
      [orderId, p.id, p.sku],
    );
    const get = async () =>
      (await ctx.es.get({ index: ctx.settings.SEARCH_ORDERS_ALIAS, id: String(orderId) }).catch(() => undefined))?._source as
        Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- API/ES JSON read field by field
    const doc = await eventually('order indexed with its item', async () => ((await get())?.itemCount === 1 ? get() : undefined));
    expect(doc).toMatchObject({
      status: 'pending',
      total: 17,
      country: 'DE',
      quantity: 2,
      items: [{ productId: p.id, sku: p.sku, quantity: 2, lineTotal: 17 }],
    });
    await ctx.db.query(`UPDATE orders SET status = 'paid' WHERE id = $1`, [orderId]);
    await eventually('order status updated', async () => (await get())?.status === 'paid');
  });

  it('consistentWith waits until the index applied a write (read-your-writes)', async () => {
    const p = await insertProduct(ctx.db, f, { name: 'Consistent kettle', price: 30 });
    await eventually('visible', () => find(p.id));
    await ctx.db.query(`UPDATE products SET price = 31.5 WHERE id = $1`, [p.id]);
    const lsn = (await ctx.db.query(`SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint::text AS lsn`)).rows[0].lsn as string;
    // admins only (issue 9, F5): the writer reads its own write
    const admin = await createUser(ctx.db, 'admin');
    userIds.push(admin.id);
    const { accessToken } = (await ctx.http().post('/api/auth/login').send({ email: admin.email, password: admin.password }).expect(200))
      .body as { accessToken: string };
    const res = await ctx
      .http()
      .get('/api/products')
      .set('Authorization', `Bearer ${accessToken}`)
      .query({ 'attr.e2etag': f.tag, pageSize: '100', consistentWith: `${p.id}.${lsn}` })
      .expect(200);
    expect(res.headers['x-consistency']).toBe('applied');
    expect(res.body.items.find((i: { id: number }) => i.id === p.id).price).toBe(31.5);
    await ctx
      .http()
      .get('/api/products')
      .set('Authorization', `Bearer ${accessToken}`)
      .query({ consistentWith: 'garbage' })
      .expect(400)
      .expect((r) => expect(r.body.details[0].field).toBe('consistentWith'));
  });
});
