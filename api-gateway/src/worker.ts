import 'reflect-metadata';
import { writeFileSync } from 'fs';
import { ConfigError, loadConfig } from './config/load-config';
import { startOrderWorker } from './events/order-worker.factory';

/**
 * Order worker process: `node dist/worker.js` (runtime component `order-worker`).
 * Outbox relay -> Kafka, order.paid -> confirmation email (maildev), expired-reservation reaper.
 */
async function main(): Promise<void> {
  let env;
  try {
    env = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  await startOrderWorker({ env });
  if (process.env.ORDER_WORKER_READY_FILE) writeFileSync(process.env.ORDER_WORKER_READY_FILE, `${process.pid}\n`);
  process.stdout.write('order-worker running\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`order-worker failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
