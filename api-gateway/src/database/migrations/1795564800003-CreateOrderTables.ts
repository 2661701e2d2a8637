import { MigrationInterface, QueryRunner } from 'typeorm';

/** Twin: admin-service/database/migrations/2026_11_25_000003_create_order_tables.php */
export class CreateOrderTables1795564800003 implements MigrationInterface {
  name = 'CreateOrderTables1795564800003';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE order_status AS ENUM ('pending', 'paid', 'payment_failed', 'cancelled', 'shipped', 'delivered', 'refunded')`,
    );
    await q.query(`CREATE TYPE payment_status AS ENUM ('succeeded', 'declined', 'error', 'timeout')`);

    await q.query(`CREATE TABLE orders (
      id bigserial NOT NULL,
      number varchar(32) NOT NULL,
      user_id bigint NOT NULL,
      status order_status NOT NULL DEFAULT 'pending',
      currency character(3) NOT NULL,
      subtotal numeric(12,2) NOT NULL,
      total numeric(12,2) NOT NULL,
      shipping_address jsonb NOT NULL,
      idempotency_key varchar(255) NULL,
      request_hash character(64) NULL,
      reserved_until timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT orders_pkey PRIMARY KEY (id),
      CONSTRAINT orders_number_unique UNIQUE (number),
      CONSTRAINT orders_user_id_idempotency_key_unique UNIQUE (user_id, idempotency_key),
      CONSTRAINT orders_amounts_check CHECK (subtotal >= 0 AND total >= 0),
      CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id)
    )`);
    await q.query(`CREATE INDEX orders_user_id_created_at_index ON orders (user_id, created_at)`);
    await q.query(`CREATE INDEX orders_status_created_at_index ON orders (status, created_at)`);
    await q.query(`CREATE INDEX orders_created_at_index ON orders (created_at)`);
    await q.query(`CREATE INDEX orders_reserved_until_index ON orders (reserved_until) WHERE status = 'pending'`);
    await q.query(`CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`CREATE TABLE order_items (
      id bigserial NOT NULL,
      order_id bigint NOT NULL,
      product_id bigint NOT NULL,
      sku varchar(64) NOT NULL,
      name varchar(255) NOT NULL,
      unit_price numeric(12,2) NOT NULL,
      quantity integer NOT NULL,
      line_total numeric(12,2) NOT NULL,
      CONSTRAINT order_items_pkey PRIMARY KEY (id),
      CONSTRAINT order_items_quantity_check CHECK (quantity BETWEEN 1 AND 100),
      CONSTRAINT order_items_amounts_check CHECK (unit_price >= 0 AND line_total = unit_price * quantity),
      CONSTRAINT order_items_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
      CONSTRAINT order_items_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id)
    )`);
    await q.query(`CREATE INDEX order_items_order_id_index ON order_items (order_id)`);
    await q.query(`CREATE INDEX order_items_product_id_index ON order_items (product_id)`);

    await q.query(`CREATE TABLE payments (
      id bigserial NOT NULL,
      order_id bigint NOT NULL,
      provider varchar(32) NOT NULL,
      provider_ref varchar(128) NULL,
      status payment_status NOT NULL,
      amount numeric(12,2) NOT NULL,
      currency character(3) NOT NULL,
      error varchar(500) NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payments_pkey PRIMARY KEY (id),
      CONSTRAINT payments_amount_check CHECK (amount >= 0),
      CONSTRAINT payments_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id)
    )`);
    await q.query(`CREATE INDEX payments_order_id_index ON payments (order_id)`);
    await q.query(`CREATE INDEX payments_created_at_index ON payments (created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payments`);
    await q.query(`DROP TABLE order_items`);
    await q.query(`DROP TABLE orders`);
    await q.query(`DROP TYPE payment_status`);
    await q.query(`DROP TYPE order_status`);
  }
}
