import * as path from 'path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The storefront's Vite build (api-gateway/storefront/dist, built by the runtime's `storefront`
 * task): works from src/ and dist/. nginx serves it at :8080 (runtime/nginx); the gateway serves the
 * same files for the in-process browser test (test/storefront.e2e-spec.ts).
 */
export const STOREFRONT_DIR = path.resolve(__dirname, '..', '..', '..', 'storefront', 'dist');

/** Serves the storefront at / (static files; /api/* stays with Nest). */
export function serveStorefront(app: NestExpressApplication): void {
  app.useStaticAssets(STOREFRONT_DIR, { index: 'index.html', maxAge: '5m', fallthrough: true });
}
