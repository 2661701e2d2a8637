import 'reflect-metadata';
import './common/kafka/kafkajs-idle-timer.fix';
import { writeFileSync } from 'fs';
import { startOrderWorker } from './order-worker/order-worker.factory';
import { loadConfigOrExit, runProcess } from './run-process';

/**
 * Order worker process: `node dist/worker.js` (runtime component `order-worker`).
 * order.paid (published by Debezium's outbox router) -> confirmation email (maildev), expired-reservation reaper,
 * outbox pruner.
 */
async function main(): Promise<void> {
  const env = loadConfigOrExit();
  await startOrderWorker({ env });
  if (process.env.ORDER_WORKER_READY_FILE) writeFileSync(process.env.ORDER_WORKER_READY_FILE, `${process.pid}\n`);
  process.stdout.write('order-worker running\n');
}

runProcess('order-worker failed', main);
