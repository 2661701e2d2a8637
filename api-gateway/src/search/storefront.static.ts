import * as path from 'path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** api-gateway/storefront (plain ES modules, no build step): works from src/ and dist/. */
export const STOREFRONT_DIR = path.resolve(__dirname, '..', '..', 'storefront');

/** Serves the storefront search page at / (static files; /api/* stays with Nest). */
export function serveStorefront(app: NestExpressApplication): void {
  app.useStaticAssets(STOREFRONT_DIR, { index: 'index.html', maxAge: '5m', fallthrough: true });
}
