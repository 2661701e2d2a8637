import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import * as os from 'os';
import { DataSource } from 'typeorm';
import { EventsConfig } from '../events/events.config';
import type { OrderEventMessage } from '../events/order-events';
import { ensureOrderTopics } from '../events/order-topics';
import { OrderNotificationsGateway } from './order-notifications.gateway';

const TOPICS = ['order.created', 'order.status_changed'];

/**
 * Feeds the Socket.IO gateway from Kafka. Every API instance must see every event (its sockets
 * may belong to any user), so each instance uses its own consumer group and starts at the end of
 * the topics: live updates, not history. Started in the background: the API boots without Kafka.
 */
@Injectable()
export class OrderEventsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsListener.name);
  private consumer: Consumer | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  private joined!: () => void;
  /** Resolves once the consumer owns its partitions (tests wait for it). */
  readonly ready = new Promise<void>((resolve) => {
    this.joined = resolve;
  });

  constructor(
    private readonly config: EventsConfig,
    private readonly gateway: OrderNotificationsGateway,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.starting = this.startWithRetry();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Keeps trying (every 5 s) while Kafka is unreachable; gives up only on shutdown. */
  private async startWithRetry(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.start();
        return;
      } catch (err) {
        this.logger.warn(`order events listener not started: ${(err as Error)?.message}; retrying in 5 s`);
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        for (let waited = 0; waited < 5_000 && !this.stopped; waited += 250) await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'api-notifications',
      brokers: this.config.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      retry: { retries: 2, initialRetryTime: 300 },
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureOrderTopics(admin, this.config.ORDER_TOPIC_PARTITIONS);
    } finally {
      await admin.disconnect();
    }
    if (this.stopped) return;
    // maxWaitTimeInMs: how long the broker holds an idle fetch (a new event is answered at once,
    // fetch.min.bytes 1), so it sets the idle fetch rate (was 10/s at 100 ms), not the latency.
    // kafkajs heartbeats between fetches: heartbeat 3 s and a 30 s session leave room for it.
    const consumer = kafka.consumer({
      groupId: `api-notifications-${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      maxWaitTimeInMs: 5000,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => this.joined());
    await consumer.connect();
    await consumer.subscribe({ topics: TOPICS, fromBeginning: false });
    const database = this.dataSource.driver.database;
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (!message.value) return;
        let event: OrderEventMessage & { source?: string };
        try {
          event = JSON.parse(message.value.toString('utf8')) as OrderEventMessage & { source?: string };
        } catch {
          this.logger.warn('skipping a malformed order event');
          return;
        }
        if (event.source && event.source !== database) return; // another environment on the same broker
        this.gateway.deliver(event);
      },
    });
  }
}
