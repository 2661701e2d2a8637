import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEvent } from './order-events';

/**
 * Transactional outbox: events are inserted by the same transaction that changes the order, so an
 * event exists if and only if the change committed. The worker's relay publishes them to Kafka.
 */
@Injectable()
export class OutboxWriter {
  async append(manager: EntityManager, events: readonly OrderEvent[]): Promise<void> {
    if (!events.length) return;
    await manager.query(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload)
       SELECT 'order', e.aggregate_id, e.event_type, e.payload::jsonb
       FROM unnest($1::varchar[], $2::varchar[], $3::text[]) AS e(aggregate_id, event_type, payload)`,
      [events.map((e) => e.payload.orderId), events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))],
    );
  }
}
