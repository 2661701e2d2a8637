import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twin: admin-service/database/migrations/2026_11_30_130000_add_order_status_history.php
 *
 * Every order status change is recorded (who, when, from, to, which part of the system), and the
 * admin's order list gets the indexes its filters need on 100k+ orders: product sku (order_items)
 * and total range (orders). Customer email goes through users_email_lower_unique -> orders_user_id_created_at_index.
 */
export class AddOrderStatusHistory1796050000001 implements MigrationInterface {
  name = 'AddOrderStatusHistory1796050000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE order_status_history (
      id bigserial NOT NULL,
      order_id bigint NOT NULL,
      from_status order_status NOT NULL,
      to_status order_status NOT NULL,
      actor_user_id bigint NULL,
      source varchar(32) NOT NULL,
      reason varchar(500) NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT order_status_history_pkey PRIMARY KEY (id),
      CONSTRAINT order_status_history_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
      CONSTRAINT order_status_history_actor_user_id_foreign FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL
    )`);
    await q.query('CREATE INDEX order_status_history_order_id_index ON order_status_history (order_id)');
    await q.query('CREATE INDEX order_items_sku_index ON order_items (sku)');
    await q.query('CREATE INDEX orders_total_index ON orders (total)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX orders_total_index');
    await q.query('DROP INDEX order_items_sku_index');
    await q.query('DROP TABLE order_status_history');
  }
}
