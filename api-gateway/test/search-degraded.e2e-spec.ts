import * as net from 'net';
import {
  createFixture,
  ensureCatalog,
  eventually,
  Fixture,
  insertProduct,
  removeFixture,
  SearchContext,
  startSearchApp,
  unique,
} from './search-e2e.support';
import { freePort } from './support/free-port';

/**
 * Degraded search on real services, without touching the shared search node: a second gateway
 * instance talks to Elasticsearch through a TCP relay owned by this test, which is either closed
 * (connection refused), a black hole (accepts, never answers: a hung node) or forwarding to the real
 * node. The first instance (`live`) talks to the node directly.
 */
class Relay {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  connections = 0;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async mode(mode: 'closed' | 'blackhole' | 'forward'): Promise<void> {
    await this.close();
    if (mode === 'closed') return;
    this.server = net.createServer((client) => {
      this.connections++;
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (mode === 'blackhole') return; // read nothing, answer nothing
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

// generous: the shared 2-core VM runs at a load of 10+ at times, and the open period must outlast
// the five fallback requests of the black-hole test
const OPEN_MS = 6000;
const QUERY_TIMEOUT_MS = 1500;

describe('search keeps answering while Elasticsearch is away (e2e)', () => {
  let live: SearchContext;
  let away: SearchContext;
  let relay: Relay;
  let f: Fixture;
  let word: string;

  beforeAll(async () => {
    live = await startSearchApp();
    await ensureCatalog(live.db, 1000);
    const es = new URL(live.settings.ELASTICSEARCH_URL);
    relay = new Relay(await freePort(), { host: es.hostname, port: Number(es.port || 9200) });
    await relay.mode('closed');
    away = await startSearchApp({
      env: {
        ELASTICSEARCH_URL: `http://127.0.0.1:${relay.port}`,
        SEARCH_BREAKER_FAILURES: '2',
        SEARCH_BREAKER_OPEN_MS: String(OPEN_MS),
        SEARCH_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      },
    });
    // products written just now: PostgreSQL has them whatever the index (or the indexer) knows
    f = await createFixture(live.db);
    word = unique('degr').toLowerCase();
    await insertProduct(live.db, f, { name: `Degraded ${word} lamp`, price: 30, stock: 3 });
    await insertProduct(live.db, f, { name: `Degraded ${word} chair`, price: 120, stock: 0 });
    await insertProduct(live.db, f, { name: `Degraded ${word} draft`, price: 10, status: 'draft' });
  }, 300000);

  afterAll(async () => {
    try {
      if (f) await removeFixture(live.db, f);
    } finally {
      await away?.close();
      await live?.close();
      await relay?.close();
    }
  });

  it('node refused: the product list comes from PostgreSQL, marked degraded, never cached', async () => {
    const res = await away.http().get('/api/products').query({ q: word, sort: 'price_asc' }).expect(200);
    expect(res.headers['x-search-degraded']).toBe('true');
    expect(res.headers['x-cache']).toBe('miss');
    expect(res.body.degraded).toBe(true);
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual([`Degraded ${word} lamp`, `Degraded ${word} chair`]);
    expect(res.body.total).toBe(2);
    expect(res.body.facets.brand).toEqual([{ value: f.brandName, count: 2 }]);
    expect(res.body.facets.price.find((b: { value: string }) => b.value === '25-50').count).toBe(1);
    expect(res.body.facets.price.find((b: { value: string }) => b.value === '100-250').count).toBe(1);
    // filters still apply
    const inStock = await away.http().get('/api/products').query({ q: word, inStock: 'true' }).expect(200);
    expect(inStock.body.items.map((p: { name: string }) => p.name)).toEqual([`Degraded ${word} lamp`]);
    // a degraded page is not put in the list cache (it would outlive the outage)
    const again = await away.http().get('/api/products').query({ q: word, sort: 'price_asc' }).expect(200);
    expect(again.headers['x-cache']).toBe('miss');
    // bad input is still a 400 naming the field, not a fallback
    const bad = await away.http().get('/api/products').query({ pageSize: '0' }).expect(400);
    expect(bad.body.details[0].field).toBe('pageSize');
  });

  it('GraphQL products goes the same way; suggest answers 503 with Retry-After', async () => {
    const gql = await away
      .http()
      .post('/graphql')
      .send({ query: `{ products(search: { q: "${word}" }) { total degraded items { name } } }` })
      .expect(200);
    expect(gql.headers['x-search-degraded']).toBe('true');
    expect(gql.body.data.products).toEqual(expect.objectContaining({ total: 2, degraded: true }));
    const suggest = await away.http().get('/api/products/suggest').query({ q: 'lam' }).expect(503);
    expect(Number(suggest.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(suggest.body.message).toMatch(/temporarily unavailable; retry in \d+ s/);
    // the category tree counts from PostgreSQL
    const cats = await away.http().get('/api/categories').expect(200);
    const root = cats.body.items.find((c: { id: number }) => c.id === f.rootId);
    expect(root).toEqual(expect.objectContaining({ count: 2 }));
  });

  it('a cursor of the index cannot continue on PostgreSQL: 503 + Retry-After + message', async () => {
    const first = await live.http().get('/api/products').query({ sort: 'price_asc', pageSize: '2' }).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const res = await away
      .http()
      .get('/api/products')
      .query({ sort: 'price_asc', pageSize: '2', cursor: first.body.nextCursor })
      .expect(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.body.message).toMatch(/cursor .*retry in \d+ s/);
    // the fallback's own cursors continue on the fallback
    const p1 = await away.http().get('/api/products').query({ q: word, sort: 'price_asc', pageSize: '1' }).expect(200);
    const p2 = await away
      .http()
      .get('/api/products')
      .query({ q: word, sort: 'price_asc', pageSize: '1', cursor: p1.body.nextCursor })
      .expect(200);
    expect(p2.body.items.map((p: { name: string }) => p.name)).toEqual([`Degraded ${word} chair`]);
    expect(p2.body.degraded).toBe(true);
  });

  it('/health/ready stays 200 and reports checks.search = degraded', async () => {
    const res = await away.http().get('/health/ready').expect(200);
    expect(res.body.checks).toEqual({ postgres: 'up', redis: 'up', search: 'degraded' });
    expect(res.body.search).toEqual(expect.objectContaining({ state: 'degraded', node: 'unreachable', fallback: 'postgres' }));
    expect(['open', 'half-open']).toContain(res.body.search.breaker);
    const ok = await live.http().get('/health/ready').expect(200);
    expect(ok.body.checks.search).toBe('up');
  });

  it('a hung node costs the query timeout until the breaker opens, then nothing', async () => {
    await relay.mode('blackhole');
    await new Promise((r) => setTimeout(r, OPEN_MS + 100)); // the breaker lets one probe through now
    const t0 = Date.now();
    const probe = await away.http().get('/api/products').query({ q: word }).expect(200);
    const probeMs = Date.now() - t0;
    expect(probe.body.degraded).toBe(true);
    expect(probeMs).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS - 50); // waited for the hung node once
    const connectionsWhenOpen = relay.connections;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const res = await away
        .http()
        .get('/api/products')
        .query({ q: word, page: String(i + 1) })
        .expect(200);
      times.push(Date.now() - t);
      expect(res.headers['x-search-degraded']).toBe('true');
    }
    expect(relay.connections).toBe(connectionsWhenOpen); // the open breaker sent nothing to the node
    // no request waited for the node: each costs the PostgreSQL query only, the probe cost the timeout on top
    // (absolute times are not asserted: the shared VM's load moves PostgreSQL's time by seconds)
    const median = [...times].sort((a, b) => a - b)[2];
    expect(median).toBeLessThan(probeMs);
  });

  it('recovers: once the node answers, the next probe closes the breaker and results come from the index', async () => {
    await relay.mode('forward');
    const res = await eventually(
      'search from the index again',
      async () => {
        const r = await away.http().get('/api/products').query({ pageSize: '3', sort: 'newest', category: f.rootSlug, page: '1' });
        return r.status === 200 && r.body.degraded === false ? r : undefined;
      },
      OPEN_MS * 4,
      200,
    );
    expect(res.headers['x-search-degraded']).toBeUndefined();
    expect(res.body.facets.category).toEqual(expect.any(Array)); // the index's facets are back
    const suggest = await away.http().get('/api/products/suggest').query({ q: 'shi' }).expect(200);
    expect(suggest.body.suggestions).toEqual(expect.any(Array));
    const ready = await away.http().get('/health/ready').expect(200);
    expect(ready.body.checks.search).toBe('up');
    expect(ready.body.search.breaker).toBe('closed');
  });
});
