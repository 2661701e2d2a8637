import { SEARCH_CLIENT, SearchClient } from '../src/search/es/es-client';
import { SearchEventRecorder } from '../src/search-events/search-event.recorder';
import { startApp, TestContext } from './support/test-app';

/**
 * Search analytics on the real gateway and Elasticsearch: every GET /api/products becomes an event
 * in the daily index (batched, off the request path); zero-result queries are flagged; old daily
 * indices are deleted by the retention. Own index prefix, removed afterwards.
 */
describe('search events', () => {
  const prefix = `e2e-search-events-${Date.now().toString(36)}`;
  let ctx: TestContext;
  let es: SearchClient;
  let recorder: SearchEventRecorder;

  beforeAll(async () => {
    ctx = await startApp({ SEARCH_EVENTS_ENABLED: 'true', SEARCH_EVENTS_INDEX_PREFIX: prefix, SEARCH_EVENTS_FLUSH_MS: '60000' });
    es = ctx.app.get(SEARCH_CLIENT);
    recorder = ctx.app.get(SearchEventRecorder);
  });
  afterAll(async () => {
    await es.indices.delete({ index: `${prefix}-*`, allow_no_indices: true, ignore_unavailable: true }).catch(() => undefined);
    await es.indices.deleteIndexTemplate({ name: prefix }).catch(() => undefined);
    await ctx.close();
  });

  async function stored(query: string): Promise<Array<Record<string, unknown>>> {
    await recorder.flush();
    await es.indices.refresh({ index: `${prefix}-*`, allow_no_indices: true });
    const res = await es.search({ index: `${prefix}-*`, query: { term: { query } }, size: 10 });
    return res.hits.hits.map((h) => h._source as Record<string, unknown>);
  }

  it('records a search with its normalized query, filters, total and latency; zero results flagged', async () => {
    const nothing = `zzqx${Date.now().toString(36)}`;
    const res = await ctx.http().get(`/api/products?q=${nothing.toUpperCase()}%20%20&maxPrice=50`).expect(200);
    expect(res.body.total).toBe(0);
    const events = await stored(nothing);
    expect(events).toEqual([expect.objectContaining({ query: nothing, filters: ['maxPrice=50'], total: 0, zeroResults: true, page: 1 })]);
    expect(events[0].latencyMs).toEqual(expect.any(Number));

    const browse = await ctx.http().get('/api/products?pageSize=1').expect(200);
    const all = await stored('');
    // (the test app may search its own, empty index: the event says what the answer said)
    expect(all).toContainEqual(expect.objectContaining({ query: '', total: browse.body.total, zeroResults: browse.body.total === 0 }));
  });

  it('a failed search (400) is not recorded; other routes are not recorded', async () => {
    await ctx.http().get('/api/products?q=zzbadparam&nosuch=1').expect(400);
    await ctx.http().get('/api/categories').expect(200);
    expect(await stored('zzbadparam')).toEqual([]);
  });

  it('retention deletes the daily indices older than SEARCH_EVENTS_RETENTION_DAYS, keeps the rest', async () => {
    await es.indices.create({ index: `${prefix}-2001.01.01` });
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '.');
    const deleted = await recorder.applyRetention();
    expect(deleted).toEqual([`${prefix}-2001.01.01`]);
    expect(await es.indices.exists({ index: `${prefix}-2001.01.01` })).toBe(false);
    expect(await es.indices.exists({ index: `${prefix}-${today}` })).toBe(true);
  });
});
