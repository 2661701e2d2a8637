import 'reflect-metadata';
import { createApp } from './bootstrap';
import { AppConfig } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { serveStorefront } from './search/storefront.static';

async function main(): Promise<void> {
  let env;
  try {
    env = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const app = await createApp({ env });
  serveStorefront(app);
  const cfg = app.get(AppConfig);
  await app.listen(cfg.env.GATEWAY_PORT, cfg.env.GATEWAY_HOST);
}

main().catch((err: unknown) => {
  process.stderr.write(`api-gateway failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
