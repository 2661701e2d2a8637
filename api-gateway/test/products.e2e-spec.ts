import { count, createCategoryTree, createUser, login, startApp, TestContext, unique } from './support/test-app';

describe('products: roles, create/update round trip, cache', () => {
  let ctx: TestContext;
  let admin: string;
  let customer: string;
  let cats: Awaited<ReturnType<typeof createCategoryTree>>;

  const body = (over: Record<string, unknown> = {}) => ({
    sku: unique('SKU-'),
    name: `Organic shirt ${unique('')}`,
    description: 'Soft cotton',
    price: 19.99,
    categoryId: cats.childId,
    brand: `Brand ${unique('')}`,
    attributes: { color: 'red', size: 'M', weight_g: 180 },
    stock: 5,
    ...over,
  });

  beforeAll(async () => {
    ctx = await startApp();
    admin = (await login(ctx, await createUser(ctx.db, 'admin'))).accessToken;
    customer = (await login(ctx, await createUser(ctx.db, 'customer'))).accessToken;
    cats = await createCategoryTree(ctx.db);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('role rules: anonymous 401, customer 403, admin 201', async () => {
    const before = await count(ctx.db, 'products');
    const anon = await ctx.http().post('/api/products').send(body()).expect(401);
    expect(anon.body.statusCode).toBe(401);
    await ctx.http().post('/api/products').set('Authorization', `Bearer ${customer}`).send(body()).expect(403);
    await ctx.http().put('/api/products/1').set('Authorization', `Bearer ${customer}`).send(body()).expect(403);
    expect(await count(ctx.db, 'products')).toBe(before);
    await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(body()).expect(201);
    expect(await count(ctx.db, 'products')).toBe(before + 1);
  });

  it('create -> public GET -> update round trip with the response contract', async () => {
    const input = body({ slug: undefined });
    const created = await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(input).expect(201);
    const id = created.body.id as number;
    const got = await ctx.http().get(`/api/products/${id}`).expect(200);
    expect(got.body).toEqual({
      id,
      sku: input.sku,
      name: input.name,
      slug: expect.stringMatching(/^organic-shirt-/),
      description: 'Soft cotton',
      price: 19.99,
      currency: 'USD',
      brand: input.brand,
      category: { id: cats.childId, slug: cats.childSlug, name: 'Child', path: [cats.rootSlug, cats.childSlug] },
      attributes: { color: 'red', size: 'M', weight_g: 180 },
      inStock: true,
      stock: 5,
      images: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const upd = await ctx
      .http()
      .put(`/api/products/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...input, name: 'Renamed shirt', price: 25, stock: 0, attributes: { color: 'blue' } })
      .expect(200);
    expect(upd.body).toEqual(
      expect.objectContaining({ name: 'Renamed shirt', price: 25, stock: 0, inStock: false, attributes: { color: 'blue' } }),
    );
    const again = await ctx.http().get(`/api/products/${id}`).expect(200);
    expect(again.body.name).toBe('Renamed shirt');
    const { rows } = await ctx.db.query('SELECT version FROM products WHERE id = $1', [id]);
    expect(rows[0].version).toBe(2);
    // brand reused case-insensitively, not duplicated
    const b = await ctx.db.query('SELECT count(*)::int n FROM brands WHERE lower(name) = lower($1)', [input.brand]);
    expect(b.rows[0].n).toBe(1);
  });

  it('slugs are unique by default: the same name twice gives name, name-2; a taken explicit slug is a 409 naming slug', async () => {
    const name = `Blue tee ${unique('')}`;
    const post = (over: Record<string, unknown>) =>
      ctx
        .http()
        .post('/api/products')
        .set('Authorization', `Bearer ${admin}`)
        .send(body({ name, ...over }));
    const first = await post({}).expect(201);
    const second = await post({}).expect(201);
    const third = await post({}).expect(201);
    expect(second.body.slug).toBe(`${first.body.slug}-2`);
    expect(third.body.slug).toBe(`${first.body.slug}-3`);
    const taken = await post({ slug: first.body.slug }).expect(409);
    expect(taken.body.details).toEqual([expect.objectContaining({ field: 'slug' })]);
  });

  it('201 carries Location; an admin reads a draft by id (with status), the public does not', async () => {
    const created = await ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .send(body({ status: 'draft' }))
      .expect(201);
    expect(created.headers.location).toBe(`/api/products/${created.body.id}`);
    await ctx.http().get(created.headers.location).expect(404);
    await ctx.http().get(created.headers.location).set('Authorization', `Bearer ${customer}`).expect(404);
    const own = await ctx.http().get(created.headers.location).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(own.body).toEqual(expect.objectContaining({ id: created.body.id, status: 'draft' }));
    expect(own.headers['x-cache']).toBe('bypass');
  });

  it('PATCH changes only the given fields; a bad one is a 400 naming it', async () => {
    const created = await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(body()).expect(201);
    const id = created.body.id as number;
    const patched = await ctx
      .http()
      .patch(`/api/products/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ price: 39.99 })
      .expect(200);
    expect(patched.body).toEqual({ ...created.body, price: 39.99, updatedAt: expect.any(String) });
    const bad = await ctx.http().patch(`/api/products/${id}`).set('Authorization', `Bearer ${admin}`).send({ price: -1 }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'price', message: 'price must be ≥ 0' }]);
    await ctx.http().patch(`/api/products/${id}`).set('Authorization', `Bearer ${customer}`).send({ price: 1 }).expect(403);
    await ctx.http().patch('/api/products/999999999').set('Authorization', `Bearer ${admin}`).send({ price: 1 }).expect(404);
  });

  it('duplicate sku -> 409 naming sku, nothing written', async () => {
    const input = body();
    await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(input).expect(201);
    const [p, i, br] = [await count(ctx.db, 'products'), await count(ctx.db, 'inventory'), await count(ctx.db, 'brands')];
    const res = await ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .send(body({ sku: input.sku, brand: `New ${unique('')}` }))
      .expect(409);
    expect(res.body).toEqual(
      expect.objectContaining({ statusCode: 409, error: 'Conflict', details: [expect.objectContaining({ field: 'sku' })] }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/INSERT|products_sku/);
    expect([await count(ctx.db, 'products'), await count(ctx.db, 'inventory'), await count(ctx.db, 'brands')]).toEqual([p, i, br]);
  });

  it('unknown category -> 422 naming categoryId, nothing written (brand creation rolled back)', async () => {
    const [p, br] = [await count(ctx.db, 'products'), await count(ctx.db, 'brands')];
    const res = await ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .send(body({ categoryId: 999999 }))
      .expect(422);
    expect(res.body.details[0].field).toBe('categoryId');
    expect([await count(ctx.db, 'products'), await count(ctx.db, 'brands')]).toEqual([p, br]);
  });

  it('drafts are never public', async () => {
    const created = await ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .send(body({ status: 'draft' }))
      .expect(201);
    await ctx.http().get(`/api/products/${created.body.id}`).expect(404);
    const list = await ctx.http().get('/api/products').query({ q: created.body.sku }).expect(200);
    expect(list.body.items).toHaveLength(0);
  });

  it('product page by slug: view + gallery with thumbnails + named breadcrumb; drafts 404; a malformed slug is 400', async () => {
    const created = await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(body()).expect(201);
    const { id, slug } = created.body as { id: number; slug: string };
    await ctx.db.query(
      `INSERT INTO product_images (product_id, path, thumbnail_path, position, status) VALUES
         ($1, 'products/p/2.jpg', NULL, 2, 'ready'), ($1, 'products/p/1.jpg', 'products/p/thumbs/1.jpg', 1, 'ready'), ($1, 'products/p/3.jpg', NULL, 3, 'pending')`,
      [id],
    );
    const page = await ctx.http().get(`/api/products/by-slug/${slug}`).expect(200);
    expect(page.body).toMatchObject({ id, slug, brand: created.body.brand, stock: 5 });
    expect(page.body.gallery).toEqual([
      { url: '/media/products/p/1.jpg', thumbnail: '/media/products/p/thumbs/1.jpg' },
      { url: '/media/products/p/2.jpg', thumbnail: '/media/products/p/2.jpg' },
    ]);
    expect(page.body.breadcrumb).toEqual([
      { slug: cats.rootSlug, name: 'Root' },
      { slug: cats.childSlug, name: 'Child' },
    ]);

    const draft = await ctx
      .http()
      .post('/api/products')
      .set('Authorization', `Bearer ${admin}`)
      .send(body({ status: 'draft' }))
      .expect(201);
    await ctx.http().get(`/api/products/by-slug/${draft.body.slug}`).expect(404);
    await ctx.http().get('/api/products/by-slug/no-such-product-anywhere').expect(404);
    const bad = await ctx.http().get('/api/products/by-slug/Not_A_Slug').expect(400);
    expect(bad.body.details).toEqual([{ field: 'slug', message: expect.any(String) }]);
  });

  it('caches the detail in Redis and invalidates exactly that key after PUT', async () => {
    const input = body();
    const a = (await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(input).expect(201)).body.id;
    const other = (await ctx.http().post('/api/products').set('Authorization', `Bearer ${admin}`).send(body()).expect(201)).body.id;
    const first = await ctx.http().get(`/api/products/${a}`).expect(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(JSON.parse((await ctx.redis.get(`product:${a}`))!)).toEqual(first.body);
    const second = await ctx.http().get(`/api/products/${a}`).expect(200);
    expect(second.headers['x-cache']).toBe('hit');
    await ctx.http().get(`/api/products/${other}`).expect(200);
    const gen = Number((await ctx.redis.get('products:gen')) ?? 0);
    await ctx
      .http()
      .put(`/api/products/${a}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...input, price: 42 })
      .expect(200);
    expect(await ctx.redis.get(`product:${a}`)).toBeNull();
    expect(await ctx.redis.get(`product:${other}`)).not.toBeNull();
    expect(Number(await ctx.redis.get('products:gen'))).toBe(gen + 1);
    const after = await ctx.http().get(`/api/products/${a}`).expect(200);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body.price).toBe(42);
  });

  it('list: filters, category descendants, cursor, cache generation', async () => {
    const brand = `Listbrand ${unique('')}`;
    const tag = unique('tag');
    for (const [price, stock, color] of [
      [10, 0, 'red'],
      [20, 3, 'blue'],
      [30, 3, 'red'],
    ] as const) {
      await ctx
        .http()
        .post('/api/products')
        .set('Authorization', `Bearer ${admin}`)
        .send(body({ brand, price, stock, attributes: { color, tag } }))
        .expect(201);
    }
    const q = { brand, category: cats.rootSlug, sort: 'price_asc', pageSize: 2, [`attr.tag`]: tag };
    const p1 = await ctx.http().get('/api/products').query(q).expect(200);
    expect(p1.headers['x-cache']).toBe('miss');
    expect(p1.body).toEqual(expect.objectContaining({ total: 3, totalRelation: 'eq', page: 1, pageSize: 2, facets: expect.any(Object) }));
    expect(p1.body.items.map((i: { price: number }) => i.price)).toEqual([10, 20]);
    const p2 = await ctx
      .http()
      .get('/api/products')
      .query({ ...q, cursor: p1.body.nextCursor })
      .expect(200);
    expect(p2.body.items.map((i: { price: number }) => i.price)).toEqual([30]);
    expect(p2.body.nextCursor).toBeNull();
    expect(p2.body.page).toBeNull(); // a cursor page has no page number (was "page": 1 on every page)
    const again = await ctx.http().get('/api/products').query(q).expect(200);
    expect(again.headers['x-cache']).toBe('hit');
    const filtered = await ctx
      .http()
      .get('/api/products')
      .query({ brand, 'attr.color': 'red', inStock: 'true', 'attr.tag': tag })
      .expect(200);
    expect(filtered.body.items.map((i: { price: number }) => i.price)).toEqual([30]);
    const range = await ctx.http().get('/api/products').query({ brand, minPrice: 15, maxPrice: 25, 'attr.tag': tag }).expect(200);
    expect(range.body.total).toBe(1);
    const byId = await ctx
      .http()
      .get('/api/products')
      .query({ category: String(cats.rootId), 'attr.tag': tag })
      .expect(200);
    expect(byId.body.total).toBe(3);
    const text = await ctx.http().get('/api/products').query({ q: 'organic shirt', 'attr.tag': tag }).expect(200);
    expect(text.body.total).toBe(3);
  });
});

describe('products cache: a read racing a write never re-caches stale data', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('setDetail is refused once products:gen moved after the read began', async () => {
    const { ProductCacheService, ProductCacheInvalidator } = await import('../src/catalog/product-cache.service');
    const cache = ctx.app.get(ProductCacheService);
    const invalidator = ctx.app.get(ProductCacheInvalidator);
    const id = 987654;
    const { gen } = await cache.getDetail(id); // reader starts (miss)
    await invalidator.invalidateProduct(id); // a write commits and invalidates
    expect(await cache.setDetail(id, { stale: true }, gen)).toBe(false);
    expect(await ctx.redis.get(`product:${id}`)).toBeNull();
    const now = await cache.getDetail(id);
    expect(await cache.setDetail(id, { fresh: true }, now.gen)).toBe(true);
    await ctx.redis.del(`product:${id}`);
  });
});
