import { createHash, randomUUID } from 'crypto';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { productKey } from '../catalog/product-cache.service';

/** The only URL shape served here: GET /api/products/<positive id> without a query string. */
const PRODUCT_URL = /^\/api\/products\/([1-9][0-9]{0,15})$/;
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const PRODUCT_HIT_ROUTE = '/api/products/:id';

export interface ProductHitDeps {
  redis: Redis;
  logger: Logger;
  /** Records the request in the HTTP duration histogram (seconds). */
  observe: (seconds: number) => void;
}

/** Express's default (weak) ETag of a body, so a conditional GET sees the same validator on both paths. */
export function weakEtag(body: string): string {
  const len = Buffer.byteLength(body);
  return `W/"${len.toString(16)}-${createHash('sha1').update(body, 'utf8').digest('base64').substring(0, 27)}"`;
}

/**
 * Cache hits of `GET /api/products/:id` answered before Express and Nest: one Redis GET of the same
 * key the products service caches (`product:<id>`, written by ProductsService.getPublic), and the
 * cached JSON bytes as they are. The route is public without optional auth, so no guard would look at
 * the request; the answer carries the same headers as the Nest route (X-Request-Id, X-Cache: hit,
 * Content-Type, ETag). Everything else — a miss, a Redis error, a query string, If-None-Match, HEAD —
 * falls through to the full Express/Nest stack, which repeats the lookup and does the rest.
 * Logging: these hits are logged at debug (like the health probes), each one still counted in the
 * HTTP metrics; every other request keeps its info line.
 */
export function productHitHandler(deps: ProductHitDeps) {
  const { redis, logger, observe } = deps;
  return (req: IncomingMessage, res: ServerResponse, fallback: () => void): void => {
    const url = req.url;
    const m = req.method === 'GET' && url !== undefined && url.length < 40 ? PRODUCT_URL.exec(url) : null;
    if (!m || req.headers['if-none-match'] !== undefined) return fallback();
    const start = process.hrtime.bigint();
    redis.get(productKey(m[1])).then(
      (body) => {
        if (!body) return fallback();
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
        res.writeHead(200, {
          'X-Request-Id': id,
          'X-Cache': 'hit',
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          ETag: weakEtag(body),
        });
        res.end(body);
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        observe(seconds);
        if (logger.isLevelEnabled('debug')) {
          logger.debug(
            {
              requestId: id,
              method: 'GET',
              path: url,
              route: PRODUCT_HIT_ROUTE,
              status: 200,
              durationMs: Math.round(seconds * 1e5) / 100,
              cache: 'hit',
            },
            'request completed',
          );
        }
      },
      () => fallback(),
    );
  };
}

/**
 * Puts `handler` in front of the server's current `request` listeners (Express). Installed before
 * Socket.IO attaches, which then wraps this one and only intercepts its own /socket.io/ path.
 */
export function installInFront(server: Server, handler: (req: IncomingMessage, res: ServerResponse, fallback: () => void) => void): void {
  const prior = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handler(req, res, () => {
      for (const l of prior) l.call(server, req, res);
    });
  });
}
