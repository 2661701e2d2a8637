import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { hostname } from 'os';
import { DataSource } from 'typeorm';
import { loadEnvSection } from '../config/env-section';
import { EventsConfig } from '../events/events.config';
import type { OrderEventMessage } from '../events/order-events';

/** PostgreSQL channel the admin's `php artisan orders:broadcast` LISTENs on. */
export const ADMIN_ORDER_EVENTS_CHANNEL = 'admin_order_events';
const TOPICS = ['order.created', 'order.status_changed'];

/**
 * Wakes the admin's broadcaster (PHP, no Kafka client) when order events arrive from Debezium: for
 * each delivered batch of order.created / order.status_changed of this database, one
 * `pg_notify('admin_order_events', <last eventId>)`. The broadcaster then reads the new outbox rows
 * itself, so a lost notification only delays it until its next safety read; nothing polls.
 * Own consumer group per process, like the gateway's socket listener (a slow email never delays it;
 * test workers on the same broker never take partitions from the platform's); starts at the end of
 * the topics (live updates). Several workers notify several times: the broadcaster skips ids it sent.
 * The notify is its own statement, never part of an order transaction (a NOTIFY serializes commits).
 */
@Injectable()
export class AdminOrderEventsNotifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AdminOrderEventsNotifier.name);
  private consumer: Consumer | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const events = loadEnvSection(EventsConfig);
    const kafka = new Kafka({ clientId: 'order-admin-notifier', brokers: events.brokers, logLevel: logLevel.NOTHING });
    // maxWaitTimeInMs: idle fetches are answered every 5 s (new events at once); heartbeats every 3 s
    // between fetches keep the 30 s session alive.
    const consumer = kafka.consumer({
      groupId: `order-admin-notify-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      maxWaitTimeInMs: 5000,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: TOPICS, fromBeginning: false });
    const database = this.dataSource.driver.database;
    await consumer.run({
      eachBatch: async ({ batch }) => {
        let last: string | undefined;
        for (const m of batch.messages) {
          try {
            const e = JSON.parse(m.value?.toString('utf8') ?? 'null') as OrderEventMessage | null;
            if (e && (!e.source || e.source === database)) last = e.eventId;
          } catch {
            // a malformed message is not ours to wake anyone for
          }
        }
        if (last !== undefined) {
          await this.dataSource
            .query(`SELECT pg_notify($1, $2)`, [ADMIN_ORDER_EVENTS_CHANNEL, last])
            .catch((err: Error) => this.logger.warn(`admin order notification failed: ${err.message}`));
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
