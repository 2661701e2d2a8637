import { MigrationInterface, QueryRunner } from 'typeorm';

/** Twin: admin-service/database/migrations/2026_11_25_000004_create_integration_tables.php */
export class CreateIntegrationTables1795564800004 implements MigrationInterface {
  name = 'CreateIntegrationTables1795564800004';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE import_status AS ENUM ('pending', 'running', 'completed', 'failed')`);

    await q.query(`CREATE TABLE outbox (
      id bigserial NOT NULL,
      aggregate_type varchar(64) NOT NULL,
      aggregate_id varchar(64) NOT NULL,
      event_type varchar(64) NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz NULL,
      CONSTRAINT outbox_pkey PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX outbox_unpublished_index ON outbox (id) WHERE published_at IS NULL`);

    await q.query(`CREATE TABLE import_batches (
      id bigserial NOT NULL,
      user_id bigint NOT NULL,
      filename varchar(255) NOT NULL,
      status import_status NOT NULL DEFAULT 'pending',
      total_rows integer NOT NULL DEFAULT 0,
      processed_rows integer NOT NULL DEFAULT 0,
      failed_rows integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz NULL,
      CONSTRAINT import_batches_pkey PRIMARY KEY (id),
      CONSTRAINT import_batches_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id)
    )`);
    await q.query(`CREATE INDEX import_batches_user_id_created_at_index ON import_batches (user_id, created_at)`);
    await q.query(
      `CREATE TRIGGER import_batches_set_updated_at BEFORE UPDATE ON import_batches FOR EACH ROW EXECUTE FUNCTION set_updated_at()`,
    );

    await q.query(`CREATE SCHEMA debezium`);
    await q.query(`CREATE TABLE debezium.heartbeat (
      id integer NOT NULL,
      ts timestamptz NOT NULL,
      CONSTRAINT heartbeat_pkey PRIMARY KEY (id)
    )`);
    await q.query(`CREATE TABLE debezium.signal (
      id varchar(42) NOT NULL,
      type varchar(32) NOT NULL,
      data varchar(2048) NULL,
      CONSTRAINT signal_pkey PRIMARY KEY (id)
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA debezium CASCADE`);
    await q.query(`DROP TABLE import_batches`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TYPE import_status`);
  }
}
