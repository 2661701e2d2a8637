import 'reflect-metadata';
import './common/kafka/kafkajs-idle-timer.fix';
import express from 'express';
import { createApp } from './bootstrap';
import { AppConfig } from './config/app-config';
import { loadConfigOrExit, runProcess } from './run-process';
import { STOREFRONT_DIR } from './common/http/storefront.static';

/** Paths Nest answers: the storefront's static files are never looked up (a stat() each) for them. */
const UPSTREAM_KEEP_ALIVE_MS = 65_000;

const API_PATHS = /^\/(api|health|metrics|graphql|socket\.io|\.well-known)(\/|\?|$)/;

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  const app = await createApp({ env });
  // the storefront at / (same options as serveStorefront), skipped for the API's own paths
  const storefront = express.static(STOREFRONT_DIR, { index: 'index.html', maxAge: '5m', fallthrough: true });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    API_PATHS.test(req.url) ? next() : storefront(req, res, next),
  );
  const cfg = app.get(AppConfig);
  // Longer than nginx's upstream keepalive_timeout (60 s, runtime/nginx/commerce.conf.template): with Node's
  // default 5 s nginx could send a request on a connection the gateway was closing and answer 502.
  const server = app.getHttpServer() as import('http').Server;
  server.keepAliveTimeout = UPSTREAM_KEEP_ALIVE_MS;
  server.headersTimeout = UPSTREAM_KEEP_ALIVE_MS + 1_000;
  await app.listen(cfg.env.GATEWAY_PORT, cfg.env.GATEWAY_HOST);
}

runProcess('api-gateway failed to start', main);
