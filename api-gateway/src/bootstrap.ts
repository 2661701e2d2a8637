import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule, AppModuleOptions } from './app.module';
import { cookieAuthenticated } from './auth/auth-cookies';
import { csrfOriginCheck } from './common/http/csrf.middleware';
import { jsonBody } from './common/http/json-body.middleware';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { LOGGER } from './common/logging/logger';
import { buildOpenApiDocument } from './common/openapi/openapi-document';
import { NestPinoLogger } from './common/logging/nest-pino.logger';
import { requestLogger } from './common/logging/request-logger.middleware';
import { AppConfig } from './config/app-config';
import { metricsMiddleware } from './metrics/metrics.middleware';
import { MetricsService } from './metrics/metrics.service';
import { OriginRestrictedIoAdapter } from './notifications/origin-restricted-io.adapter';
import { installInFront, PRODUCT_HIT_ROUTE, productHitHandler } from './hot-path/product-hit.fast-path';
import { REDIS } from './common/redis/redis.module';
import type Redis from 'ioredis';

/** Global HTTP wiring shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.disable('x-powered-by');
  const trust = config.env.TRUST_PROXY.trim();
  if (trust !== 'false') app.set('trust proxy', trust === 'true' ? true : trust);
  if (config.env.CACHE_PRODUCT_TTL_SECONDS > 0) {
    const hits = app.get(MetricsService).httpDuration.labels('GET', PRODUCT_HIT_ROUTE, '200');
    installInFront(app.getHttpServer(), productHitHandler({ redis: app.get<Redis>(REDIS), logger, observe: (s) => hits.observe(s) }));
  }
  app.use(requestIdMiddleware);
  app.use(requestLogger(logger));
  app.use(metricsMiddleware(app.get(MetricsService)));
  app.useWebSocketAdapter(new OriginRestrictedIoAdapter(app, config.publicOrigins));
  app.use(csrfOriginCheck(config.publicOrigins, cookieAuthenticated));
  app.use(jsonBody(config.env.BODY_LIMIT));
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: '.well-known/jwks.json', method: RequestMethod.GET },
    ],
  });
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
}

export async function createApp(options: AppModuleOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { bodyParser: false, bufferLogs: true });
  configureApp(app);
  return app;
}

export type { INestApplication };
