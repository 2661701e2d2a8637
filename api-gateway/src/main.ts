import 'reflect-metadata';
import { createApp } from './bootstrap';
import { AppConfig } from './config/app-config';
import { loadConfigOrExit, runProcess } from './run-process';
import { serveStorefront } from './search/storefront.static';

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  const app = await createApp({ env });
  serveStorefront(app);
  const cfg = app.get(AppConfig);
  await app.listen(cfg.env.GATEWAY_PORT, cfg.env.GATEWAY_HOST);
}

runProcess('api-gateway failed to start', main);
