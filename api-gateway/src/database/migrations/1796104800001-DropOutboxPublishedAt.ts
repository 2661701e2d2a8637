import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twin: admin-service/database/migrations/2026_12_01_060000_drop_outbox_published_at.php
 *
 * `published_at` and its partial index belonged to the polling relay that Debezium's outbox event
 * router replaced: nothing sets the column, so the "partial" index held every row, duplicated the
 * primary key and cost an index insert per event. No index on created_at replaces it: the order
 * worker's pruner (events/outbox-pruner.service.ts) walks the oldest ids through the primary key.
 */
export class DropOutboxPublishedAt1796104800001 implements MigrationInterface {
  name = 'DropOutboxPublishedAt1796104800001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_unpublished_index');
    await q.query('ALTER TABLE outbox DROP COLUMN published_at');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD COLUMN published_at timestamptz NULL');
    await q.query('CREATE INDEX outbox_unpublished_index ON outbox (id) WHERE published_at IS NULL');
  }
}
