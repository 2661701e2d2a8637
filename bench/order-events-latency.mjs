#!/usr/bin/env node
// Order-event latency on the running platform: commit of an outbox row -> the event consumed from
// Kafka. Each sample commits one transaction inserting an `order.status_changed` outbox row (the
// way OutboxWriter does, for a non-existent order/user 0, so no email and no socket room gets it)
// (before: the order worker's relay, polling every 200 ms; now: Debezium's outbox event router)
// and a kafkajs consumer of its own (new group, from the end) stamps its arrival. Medians over N.
//
//   node bench/order-events-latency.mjs [--events 40] [--gap-ms 250]
// Last line: `order-event latency commit->consumed p50 X ms p95 Y ms (n)`.
import { args, env, percentile, pgClient, require, round, sleep } from './lib.mjs';

const EVENTS = Number(args.events ?? 40);
const GAP = Number(args['gap-ms'] ?? 250);
const { Kafka, logLevel } = require('kafkajs');

const kafka = new Kafka({ clientId: 'bench-order-events', brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({ groupId: `bench-order-events-${process.pid}-${Date.now()}`, maxWaitTimeInMs: 20 });
const marker = `bench-${process.pid}-${Date.now()}`;
const sent = new Map();
const lat = [];
let resolveAll;
const done = new Promise((r) => (resolveAll = r));

await consumer.connect();
await consumer.subscribe({ topic: 'order.status_changed', fromBeginning: false });
let assigned = false;
consumer.on(consumer.events.GROUP_JOIN, () => (assigned = true));
await consumer.run({
  eachMessage: async ({ message }) => {
    const now = performance.now();
    let v;
    try { v = JSON.parse(message.value.toString()); } catch { return; }
    if (v.benchMarker !== marker || !sent.has(v.benchSeq)) return;
    lat.push(now - sent.get(v.benchSeq));
    sent.delete(v.benchSeq);
    if (lat.length === EVENTS) resolveAll();
  },
});
while (!assigned) await sleep(100);
await sleep(1500); // the group has its partitions and fetches from their end

const db = await pgClient();
for (let i = 0; i < EVENTS; i++) {
  const payload = { orderId: '0', orderNumber: 'BENCH', userId: '0', status: 'cancelled', previousStatus: 'pending', currency: 'USD', total: '0.00', occurredAt: new Date().toISOString(), benchMarker: marker, benchSeq: i };
  await db.query('BEGIN');
  // the row as OutboxWriter writes it (eventId, type and source inside the payload)
  await db.query(
    `INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, payload)
     SELECT n, 'order', '0', 'order.status_changed', $1::jsonb || jsonb_build_object('eventId', n::text, 'type', 'order.status_changed', 'source', current_database())
     FROM nextval('outbox_id_seq') n`,
    [JSON.stringify(payload)],
  );
  await db.query('COMMIT');
  sent.set(i, performance.now());
  await sleep(GAP * (0.5 + Math.random()));
}
await Promise.race([done, sleep(15000)]);
await db.end();
await consumer.disconnect();
const lost = EVENTS - lat.length;
console.log(JSON.stringify({ events: EVENTS, received: lat.length, lost, p50: round(percentile(lat, 50)), p95: round(percentile(lat, 95)), max: round(Math.max(...lat)) }));
console.log(`order-event latency commit->consumed p50 ${round(percentile(lat, 50))} ms p95 ${round(percentile(lat, 95))} ms (n=${lat.length}, lost ${lost})`);
