import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventsConfig } from './events.config';
import type { OrderEventMessage, OrderEventPayload, OrderEventType } from './order-events';
import { ensureOrderTopics } from './order-topics';

export const ORDER_EVENTS_CLIENT = 'ORDER_EVENTS_CLIENT';

interface OutboxRow {
  id: string;
  event_type: OrderEventType;
  aggregate_id: string;
  payload: OrderEventPayload;
}

/**
 * Publishes committed outbox rows to Kafka (ClientKafka of @nestjs/microservices), then marks them
 * published. Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays never publish the
 * same row concurrently. Delivery is at-least-once (a crash after the send and before the commit
 * republishes): consumers dedupe by eventId / order id. `source` names the database, so consumers
 * attached to another environment on the same broker ignore the event.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: EventsConfig,
    @Inject(ORDER_EVENTS_CLIENT) private readonly kafka: ClientKafka,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.connect();
    const admin = this.kafka.createClient<Kafka>().admin();
    await admin.connect();
    try {
      await ensureOrderTopics(admin, this.config.ORDER_TOPIC_PARTITIONS);
    } finally {
      await admin.disconnect();
    }
  }

  /** Starts the poll loop (the worker calls this; tests may call relayOnce directly). */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let published = 0;
      try {
        this.running = this.relayOnce().then((n) => { published = n; });
        await this.running;
      } catch (err) {
        this.logger.error(`outbox relay failed: ${(err as Error)?.message}`);
      }
      if (!this.stopped) this.timer = setTimeout(tick, published > 0 ? 0 : this.config.OUTBOX_POLL_MS);
    };
    this.timer = setTimeout(tick, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.kafka.close().catch(() => undefined);
  }

  /** Publishes up to `limit` unpublished events in id order; returns how many. */
  async relayOnce(limit = 500): Promise<number> {
    const source = this.dataSource.driver.database ?? '';
    return this.dataSource.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT id::text AS id, event_type, aggregate_id, payload FROM outbox
         WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      const byTopic = new Map<OrderEventType, { key: string; value: OrderEventMessage & { source: string } }[]>();
      for (const r of rows) {
        const list = byTopic.get(r.event_type) ?? [];
        list.push({ key: r.aggregate_id, value: { ...r.payload, eventId: r.id, type: r.event_type, source } });
        byTopic.set(r.event_type, list);
      }
      await Promise.all([...byTopic].map(([topic, messages]) => lastValueFrom(this.kafka.emitBatch(topic, { messages }), { defaultValue: undefined })));
      await m.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
