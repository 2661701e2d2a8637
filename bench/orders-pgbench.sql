-- pgbench script: the SQL of one order as the gateway runs it (bench/orders.mjs passes
-- -D minid=<first hot product id> -D skus=<n> -D uid=<user id>). One line of quantity 1 on a random
-- hot SKU: tx 1 = pending order + locked reservation + line + outbox; tx 2 = lock order, payment,
-- consume stock, paid, two outbox rows. No HTTP, JSON, auth or validation: the floor for the API.
\set pid random(:minid, :minid + :skus - 1)
BEGIN;
INSERT INTO orders (number, user_id, status, currency, subtotal, total, shipping_address, idempotency_key, request_hash, reserved_until)
  VALUES ('PGB-' || txid_current(), :uid, 'pending', 'USD', 11.99, 11.99, '{"name":"pgbench"}', md5(random()::text), md5(random()::text), now() + interval '15 minutes');
SELECT on_hand, reserved FROM inventory WHERE product_id = :pid FOR UPDATE;
UPDATE inventory SET reserved = reserved + 1, version = version + 1, updated_at = now() WHERE product_id = :pid AND on_hand - reserved >= 1;
INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity, line_total)
  VALUES (currval('orders_id_seq'), :pid, 'HOT', 'Hot', 11.99, 1, 11.99);
INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ('order', currval('orders_id_seq')::text, 'order.created', '{}');
COMMIT;
BEGIN;
SELECT id, status FROM orders WHERE id = currval('orders_id_seq') FOR UPDATE;
INSERT INTO payments (order_id, provider, provider_ref, status, amount, currency) VALUES (currval('orders_id_seq'), 'pgbench', 'x', 'succeeded', 11.99, 'USD');
SELECT on_hand FROM inventory WHERE product_id = :pid FOR UPDATE;
UPDATE inventory SET on_hand = on_hand - 1, reserved = reserved - 1, version = version + 1, updated_at = now() WHERE product_id = :pid;
UPDATE orders SET status = 'paid', reserved_until = NULL WHERE id = currval('orders_id_seq');
INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ('order', currval('orders_id_seq')::text, 'order.paid', '{}'), ('order', currval('orders_id_seq')::text, 'order.status_changed', '{}');
COMMIT;
