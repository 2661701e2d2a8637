import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEvent } from './order-events';

/**
 * The INSERT of the outbox rows produced by `events`, a query with the columns n (their order),
 * aggregate_id, event_type and payload (jsonb). Also embedded as a CTE in the orders' one-statement
 * reserve and settle (orders/order.repository.ts), so the row layout has this one source.
 */
export const outboxInsertSql = (events: string): string => `
  INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, payload)
  SELECT e.id, 'order', e.aggregate_id, e.event_type,
         e.payload || jsonb_build_object('eventId', e.id::text, 'type', e.event_type, 'source', current_database())
  FROM (SELECT nextval('outbox_id_seq') AS id, u.* FROM (${events}) u ORDER BY u.n) e
  ORDER BY e.id`;

/**
 * Transactional outbox: events are inserted by the same transaction that changes the order, so an
 * event exists if and only if the change committed. Debezium reads the inserts from the WAL and its
 * outbox event router publishes each `payload` as is to the topic named by `event_type`, keyed by
 * `aggregate_id` (connectors/outbox-postgres.json), in commit order. The payload therefore carries
 * the whole Kafka message: the event fields plus `eventId` (= outbox id, taken from the sequence in
 * the same statement), `type` and `source` (the database name; consumers attached to another
 * environment on the same broker ignore the event). One statement, one round trip.
 */
@Injectable()
export class OutboxWriter {
  async append(manager: EntityManager, events: readonly OrderEvent[]): Promise<void> {
    if (!events.length) return;
    await manager.query(
      outboxInsertSql(
        `SELECT u.n, u.aggregate_id, u.event_type, u.payload::jsonb AS payload
         FROM unnest($1::varchar[], $2::varchar[], $3::text[]) WITH ORDINALITY AS u(aggregate_id, event_type, payload, n)`,
      ),
      [events.map((e) => e.payload.orderId), events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))],
    );
  }
}
