import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type Redis from 'ioredis';
import pino from 'pino';
import { installInFront, productHitHandler, weakEtag } from './product-hit.fast-path';

describe('product cache-hit fast path', () => {
  const store = new Map<string, string>([['product:7', '{"id":7,"name":"Seven"}']]);
  const redis = { get: jest.fn(async (k: string) => store.get(k) ?? null) } as unknown as Redis;
  const observed: number[] = [];
  let server: Server;
  let base: string;
  const fallbackHits: string[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      fallbackHits.push(`${req.method} ${req.url}`);
      res.writeHead(299, { 'X-Cache': 'fallback' });
      res.end('nest');
    });
    installInFront(server, productHitHandler({ redis, logger: pino({ level: 'silent' }), observe: (s) => observed.push(s) }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('answers a cached product with the cached bytes, the request id, X-Cache: hit and an Express-style ETag', async () => {
    const res = await fetch(`${base}/api/products/7`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"id":7,"name":"Seven"}');
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('x-cache')).toBe('hit');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('etag')).toBe(weakEtag('{"id":7,"name":"Seven"}'));
    expect(observed.length).toBe(1);
  });

  it('generates a request id when the given one is unsafe', async () => {
    const res = await fetch(`${base}/api/products/7`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['a miss', 'GET', '/api/products/8', {}],
    ['a query string', 'GET', '/api/products/7?x=1', {}],
    ['a leading zero', 'GET', '/api/products/07', {}],
    ['a non-numeric id', 'GET', '/api/products/abc', {}],
    ['another route', 'GET', '/api/products', {}],
    ['HEAD', 'HEAD', '/api/products/7', {}],
    ['a conditional GET', 'GET', '/api/products/7', { 'If-None-Match': 'W/"x"' }],
  ])('falls through to the full stack on %s', async (_what, method, path, headers) => {
    fallbackHits.length = 0;
    const res = await fetch(`${base}${path}`, { method, headers });
    expect(res.status).toBe(299);
    expect(fallbackHits).toEqual([`${method} ${path}`]);
  });

  it('falls through when Redis fails', async () => {
    (redis.get as jest.Mock).mockRejectedValueOnce(new Error('down'));
    fallbackHits.length = 0;
    expect((await fetch(`${base}/api/products/7`)).status).toBe(299);
    expect(fallbackHits).toEqual(['GET /api/products/7']);
  });

  it('weakEtag matches the format Express uses (W/"<hex length>-<27 chars of base64 sha1>")', () => {
    expect(weakEtag('hello')).toBe('W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"');
  });
});
