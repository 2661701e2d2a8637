import { randomUUID } from 'crypto';
import { address, createProducts, customers, orderTableCounts, Product } from './orders-fixtures';
import { startApp, TestContext } from './support/test-app';

describe('/graphql beside REST: queries, createOrder, auth, validation, limits', () => {
  let ctx: TestContext;
  let buyer: { id: number; token: string };
  let product: Product;

  beforeAll(async () => {
    ctx = await startApp();
    [buyer] = await customers(ctx, 1);
    [product] = await createProducts(ctx.db, 1, { stock: 20, price: '9.99' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const req = ctx.http().post('/graphql');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send({ query, variables });
  };

  const CREATE = `mutation Create($input: CreateOrderInput!, $key: String!) {
    createOrder(input: $input, idempotencyKey: $key) { id number status total items { sku quantity unitPrice lineTotal } }
  }`;

  it('product(id) and categories are public and come from the same services as REST', async () => {
    const res = await gql(
      `query($id: Int!) { product(id: $id) { id sku price inStock stock category { path } } categories { slug children { slug } } }`,
      { id: product.id },
    ).expect(200);
    expect(res.body.errors).toBeUndefined();
    const rest = await ctx.http().get(`/api/products/${product.id}`).expect(200);
    expect(res.body.data.product).toEqual({
      id: product.id,
      sku: product.sku,
      price: 9.99,
      inStock: true,
      stock: 20,
      category: { path: rest.body.category.path },
    });
    expect(Array.isArray(res.body.data.categories)).toBe(true);
  });

  it('products(search) returns a page with facets; bad search input names the field', async () => {
    const ok = await gql(
      `{ products(search: { pageSize: 5, sort: newest }) { total pageSize items { id } facets { name values { value count } } } }`,
    ).expect(200);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.products.pageSize).toBe(5);
    expect(Array.isArray(ok.body.data.products.facets)).toBe(true);
    const bad = await gql(`{ products(search: { pageSize: 0 }) { total } }`).expect(200);
    expect(bad.body.errors[0].extensions).toEqual(
      expect.objectContaining({ statusCode: 400, details: [expect.objectContaining({ field: 'pageSize' })] }),
    );
  });

  it('me and myOrders need a token; a bad token is 401', async () => {
    const anon = await gql('{ me { id } }').expect(200);
    expect(anon.body.errors[0].extensions.statusCode).toBe(401);
    const me = await gql('{ me { id role } }', {}, buyer.token).expect(200);
    expect(me.body.data.me).toEqual({ id: buyer.id, role: 'customer' });
    await gql('{ me { id } }', {}, 'not.a.token').expect(401);
  });

  it('createOrder uses the REST order flow; myOrders lists it', async () => {
    const key = randomUUID();
    const input = {
      items: [{ productId: product.id, quantity: 2 }],
      shippingAddress: address,
      payment: { method: 'card', token: 'tok_success' },
    };
    const res = await gql(CREATE, { input, key }, buyer.token).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createOrder).toEqual(
      expect.objectContaining({
        status: 'paid',
        total: 19.98,
        items: [{ sku: product.sku, quantity: 2, unitPrice: 9.99, lineTotal: 19.98 }],
      }),
    );
    const replay = await gql(CREATE, { input, key }, buyer.token).expect(200);
    expect(replay.body.data.createOrder.id).toBe(res.body.data.createOrder.id);
    const mine = await gql('{ myOrders(page: 1, pageSize: 10) { total items { id number } } }', {}, buyer.token).expect(200);
    expect(mine.body.data.myOrders.items.map((o: { id: number }) => o.id)).toContain(res.body.data.createOrder.id);
  });

  it('createOrder validation and stock errors carry the REST status and field, and write nothing', async () => {
    const before = await orderTableCounts(ctx.db);
    const badQty = await gql(
      CREATE,
      {
        key: randomUUID(),
        input: {
          items: [{ productId: product.id, quantity: 101 }],
          shippingAddress: address,
          payment: { method: 'card', token: 'tok_success' },
        },
      },
      buyer.token,
    ).expect(200);
    expect(badQty.body.errors[0].extensions).toEqual(
      expect.objectContaining({ statusCode: 400, details: [expect.objectContaining({ field: 'items.0.quantity' })] }),
    );
    const badCountry = await gql(
      CREATE,
      {
        key: randomUUID(),
        input: {
          items: [{ productId: product.id, quantity: 1 }],
          shippingAddress: { ...address, country: 'ZZ' },
          payment: { method: 'card', token: 'tok_success' },
        },
      },
      buyer.token,
    ).expect(200);
    expect(badCountry.body.errors[0].extensions.details[0].field).toBe('shippingAddress.country');
    const noStock = await gql(
      CREATE,
      {
        key: randomUUID(),
        input: {
          items: [{ productId: product.id, quantity: 50 }],
          shippingAddress: address,
          payment: { method: 'card', token: 'tok_success' },
        },
      },
      buyer.token,
    ).expect(200);
    expect(noStock.body.errors[0].extensions.statusCode).toBe(409);
    expect(noStock.body.errors[0].message).toContain(product.sku);
    const anon = await gql(CREATE, {
      key: randomUUID(),
      input: {
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: address,
        payment: { method: 'card', token: 'tok_success' },
      },
    }).expect(200);
    expect(anon.body.errors[0].extensions.statusCode).toBe(401);
    expect(await orderTableCounts(ctx.db)).toEqual(before);
  });

  it('rejects queries beyond the depth limit with 400; no playground outside development', async () => {
    const deep = '{ categories { children { children { children { children { children { children { children { id } } } } } } } } }';
    const res = await gql(deep).expect(400);
    expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/depth 9 exceeds the limit of 8/);
    await ctx.http().get('/graphql').expect(404);
  });
});
