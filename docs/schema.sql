-- Commerce platform: reference DDL (PostgreSQL 15).
--
-- This file is the authoritative description of the schema. It is NOT executed at runtime:
-- the runtime owner is the TypeORM migration set in api-gateway/src/database/migrations
-- (run by `make up` / runtime/components/schema.sh); admin-service/database/migrations builds
-- the identical schema with Laravel, and api-gateway/test/schema/schema-parity.e2e-spec.ts
-- proves (pg_dump diff) that both sets produce the same thing. Keep all three in step.
--
-- Naming (Laravel's conventions, so both frameworks produce identical names):
--   primary key  <table>_pkey            unique   <table>_<cols>_unique
--   foreign key  <table>_<col>_foreign   index    <table>_<cols>_index
--   check        <table>_<what>_check
-- All timestamps are timestamptz; created_at/updated_at are NOT NULL DEFAULT now().
-- updated_at is maintained by the trigger set_updated_at() on every UPDATE unless the
-- statement itself changes updated_at (so Eloquent/TypeORM may set it explicitly).

-- ---------------------------------------------------------------------------------------
-- Enum types
-- ---------------------------------------------------------------------------------------
CREATE TYPE user_role AS ENUM ('customer', 'admin');
CREATE TYPE product_status AS ENUM ('draft', 'active');
CREATE TYPE image_status AS ENUM ('pending', 'processing', 'ready', 'failed');
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'payment_failed', 'cancelled', 'shipped', 'delivered', 'refunded');
CREATE TYPE payment_status AS ENUM ('succeeded', 'declined', 'error', 'timeout');
CREATE TYPE import_status AS ENUM ('pending', 'running', 'completed', 'failed');

-- ---------------------------------------------------------------------------------------
-- Shared trigger function: updated_at maintenance
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$;

-- ---------------------------------------------------------------------------------------
-- Identity
-- ---------------------------------------------------------------------------------------
CREATE TABLE users (
    id bigserial NOT NULL,
    email varchar(254) NOT NULL,
    name varchar(120) NOT NULL,
    password_hash varchar(255) NOT NULL,           -- bcrypt ($2b$ from bcryptjs, $2y$ from PHP); password_verify() accepts both
    role user_role NOT NULL DEFAULT 'customer',
    is_disabled boolean NOT NULL DEFAULT false,
    token_version integer NOT NULL DEFAULT 0,      -- bump = revoke every issued access/refresh token
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email));   -- case-insensitive unique login
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE refresh_tokens (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id bigint NOT NULL,
    family_id uuid NOT NULL,                       -- rotation family: reuse of a rotated token revokes the family
    token_hash character(64) NOT NULL,             -- sha256 hex of the opaque token
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NULL,
    replaced_by uuid NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT refresh_tokens_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_id_index ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_id_index ON refresh_tokens (user_id);

CREATE TABLE api_keys (
    id bigserial NOT NULL,
    name varchar(120) NOT NULL,
    key_hash character(64) NOT NULL,               -- sha256 hex; the key itself is shown once
    last_used_at timestamptz NULL,                 -- refreshed at most once a minute by the gateway
    revoked_at timestamptz NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    prefix varchar(12) NOT NULL,                   -- first 12 chars of the key ("cpk_" + 8): shown and logged as its id
    scopes text[] NOT NULL DEFAULT '{}',           -- what the key may call; checked per route
    expires_at timestamptz NULL,                   -- NULL = never
    created_by bigint NULL,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_key_hash_unique UNIQUE (key_hash),
    CONSTRAINT api_keys_created_by_foreign FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex', 'catalog:read', 'catalog:write']::text[])
);

-- Admin actions (connector restarts, user and API-key changes): who, what, on which subject.
CREATE TABLE admin_audit_log (
    id bigserial NOT NULL,
    actor_user_id bigint NULL,                     -- NULL once the user is deleted (the entry stays)
    action varchar(64) NOT NULL,                   -- e.g. connector.restart, user.disable, api_key.revoke
    subject_type varchar(64) NULL,
    subject_id varchar(64) NULL,
    details jsonb NOT NULL DEFAULT '{}',
    ip inet NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT admin_audit_log_pkey PRIMARY KEY (id),
    CONSTRAINT admin_audit_log_actor_user_id_foreign FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX admin_audit_log_created_at_index ON admin_audit_log (created_at);   -- newest-first audit page
CREATE INDEX admin_audit_log_actor_user_id_index ON admin_audit_log (actor_user_id);

-- Password reset (gateway POST /api/auth/password/forgot|reset): one outstanding token per
-- lower-cased email, stored as sha256 hex; valid 60 minutes from created_at, deleted when used.
CREATE TABLE password_resets (
    email varchar(254) NOT NULL,
    token_hash character(64) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT password_resets_pkey PRIMARY KEY (email)
);

-- ---------------------------------------------------------------------------------------
-- Catalog
-- ---------------------------------------------------------------------------------------
CREATE TABLE categories (
    id bigserial NOT NULL,
    parent_id bigint NULL,
    name varchar(120) NOT NULL,
    slug varchar(120) NOT NULL,
    path text NOT NULL DEFAULT '',                 -- '/1/7/23/': ids root..self, maintained by categories_tree()
    depth smallint NOT NULL DEFAULT 0,             -- 0 = root; maintained by categories_tree()
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT categories_pkey PRIMARY KEY (id),
    CONSTRAINT categories_parent_id_foreign FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX categories_parent_id_slug_unique ON categories (parent_id, slug) NULLS NOT DISTINCT;
CREATE INDEX categories_path_index ON categories (path text_pattern_ops);   -- descendants: path LIKE '/1/7/%'

-- BEFORE INSERT/UPDATE: compute path/depth from the parent, reject cycles. Client-supplied
-- path/depth are ignored. The only writer allowed to set path directly is the subtree
-- rewrite below (flagged by the transaction-local setting commerce.category_cascade).
CREATE FUNCTION categories_tree() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
  parent_path text;
  parent_depth smallint;
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('commerce.category_cascade', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'categories.id is immutable' USING ERRCODE = 'check_violation', CONSTRAINT = 'categories_id_immutable';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
    NEW.path := OLD.path;
    NEW.depth := OLD.depth;
    RETURN NEW;
  END IF;
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    NEW.depth := 0;
    RETURN NEW;
  END IF;
  IF NEW.parent_id = NEW.id THEN
    RAISE EXCEPTION 'category % cannot be its own parent', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'categories_no_cycle';
  END IF;
  SELECT c.path, c.depth INTO parent_path, parent_depth FROM categories c WHERE c.id = NEW.parent_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'parent category % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'categories_parent_id_foreign';
  END IF;
  IF strpos(parent_path, '/' || NEW.id || '/') > 0 THEN
    RAISE EXCEPTION 'moving category % under % would create a cycle', NEW.id, NEW.parent_id USING ERRCODE = 'check_violation', CONSTRAINT = 'categories_no_cycle';
  END IF;
  NEW.path := parent_path || NEW.id || '/';
  NEW.depth := parent_depth + 1;
  RETURN NEW;
END;
$$;

-- AFTER UPDATE (path changed = subtree moved): rewrite every descendant in one statement.
CREATE FUNCTION categories_move_subtree() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF current_setting('commerce.category_cascade', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('commerce.category_cascade', 'on', true);
  UPDATE categories
     SET path = NEW.path || substr(path, length(OLD.path) + 1),
         depth = depth + (NEW.depth - OLD.depth)
   WHERE path LIKE OLD.path || '%' AND id <> NEW.id;
  PERFORM set_config('commerce.category_cascade', '', true);
  RETURN NULL;
END;
$$;

CREATE TRIGGER categories_tree BEFORE INSERT OR UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION categories_tree();
CREATE TRIGGER categories_move_subtree AFTER UPDATE ON categories FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION categories_move_subtree();
CREATE TRIGGER categories_set_updated_at BEFORE UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE brands (
    id bigserial NOT NULL,
    name varchar(120) NOT NULL,
    slug varchar(120) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT brands_pkey PRIMARY KEY (id),
    CONSTRAINT brands_slug_unique UNIQUE (slug)
);
CREATE UNIQUE INDEX brands_name_lower_unique ON brands (lower(name));
CREATE TRIGGER brands_set_updated_at BEFORE UPDATE ON brands FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE products (
    id bigserial NOT NULL,
    sku varchar(64) NOT NULL,
    name varchar(255) NOT NULL,
    slug varchar(255) NOT NULL,
    description text NOT NULL DEFAULT '',
    price numeric(12,2) NOT NULL,
    currency character(3) NOT NULL DEFAULT 'USD',
    category_id bigint NOT NULL,
    brand_id bigint NOT NULL,
    status product_status NOT NULL DEFAULT 'active',
    attributes jsonb NOT NULL DEFAULT '{}',        -- flat map: string -> string | number
    version integer NOT NULL DEFAULT 1,            -- +1 on every UPDATE (products_bump_version); CDC/ES use it as external version
    deleted_at timestamptz NULL,                   -- soft delete
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT products_pkey PRIMARY KEY (id),
    CONSTRAINT products_sku_unique UNIQUE (sku),
    CONSTRAINT products_slug_unique UNIQUE (slug),
    CONSTRAINT products_price_check CHECK (price >= 0),
    CONSTRAINT products_attributes_check CHECK (jsonb_typeof(attributes) = 'object'),
    CONSTRAINT products_category_id_foreign FOREIGN KEY (category_id) REFERENCES categories (id),
    CONSTRAINT products_brand_id_foreign FOREIGN KEY (brand_id) REFERENCES brands (id)
);
CREATE INDEX products_category_id_index ON products (category_id);   -- category pages / admin filter / FK checks on category delete
CREATE INDEX products_brand_id_index ON products (brand_id);         -- admin filter / FK checks on brand delete
CREATE INDEX products_updated_at_id_index ON products (updated_at, id);   -- admin list "recently changed", keyset paging for reindex
-- admin product search: sku + name ILIKE '%term%' (drafts and trashed included) through pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX products_search_trgm_index ON products USING gin (((sku::text || ' ' || name::text)) gin_trgm_ops);

CREATE FUNCTION products_bump_version() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$;
CREATE TRIGGER products_bump_version BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION products_bump_version();
CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE product_images (
    id bigserial NOT NULL,
    product_id bigint NOT NULL,
    path varchar(500) NOT NULL,
    position integer NOT NULL DEFAULT 0,
    status image_status NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    thumbnail_path varchar(500) NULL,              -- made by the admin's ProcessProductImage job (same disk as path)
    mime_type varchar(100) NULL,                   -- sniffed from the content at upload
    failure_reason text NULL,                      -- why processing failed (status 'failed')
    CONSTRAINT product_images_pkey PRIMARY KEY (id),
    CONSTRAINT product_images_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
);
CREATE INDEX product_images_product_id_position_index ON product_images (product_id, position);
CREATE TRIGGER product_images_set_updated_at BEFORE UPDATE ON product_images FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE inventory (
    product_id bigint NOT NULL,
    on_hand integer NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 1,            -- optimistic locking, bumped by the application
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT inventory_pkey PRIMARY KEY (product_id),
    CONSTRAINT inventory_stock_check CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT inventory_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
);
CREATE INDEX inventory_available_index ON inventory ((on_hand - reserved), product_id);   -- admin dashboard: least available stock first
CREATE TRIGGER inventory_set_updated_at BEFORE UPDATE ON inventory FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------------------
-- Orders
-- ---------------------------------------------------------------------------------------
CREATE TABLE orders (
    id bigserial NOT NULL,
    number varchar(32) NOT NULL,
    user_id bigint NOT NULL,
    status order_status NOT NULL DEFAULT 'pending',
    currency character(3) NOT NULL,
    subtotal numeric(12,2) NOT NULL,
    total numeric(12,2) NOT NULL,
    shipping_address jsonb NOT NULL,
    idempotency_key varchar(255) NULL,             -- Idempotency-Key header, unique per user
    request_hash character(64) NULL,               -- sha256 of the request body: same key + other body = 422
    reserved_until timestamptz NULL,               -- stock reservation expiry while pending
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_number_unique UNIQUE (number),
    CONSTRAINT orders_user_id_idempotency_key_unique UNIQUE (user_id, idempotency_key),
    CONSTRAINT orders_amounts_check CHECK (subtotal >= 0 AND total >= 0),
    CONSTRAINT orders_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX orders_user_id_created_at_index ON orders (user_id, created_at);      -- order history per user (newest first: backward scan)
CREATE INDEX orders_status_created_at_index ON orders (status, created_at);        -- admin list filtered by status
CREATE INDEX orders_created_at_index ON orders (created_at);                       -- reports by date range, admin list unfiltered
CREATE INDEX orders_reserved_until_index ON orders (reserved_until) WHERE status = 'pending';   -- reservation expiry sweeper
CREATE INDEX orders_total_index ON orders (total);                                   -- admin list: total range filter
CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE order_items (
    id bigserial NOT NULL,
    order_id bigint NOT NULL,
    product_id bigint NOT NULL,
    sku varchar(64) NOT NULL,                      -- snapshot at order time
    name varchar(255) NOT NULL,                    -- snapshot at order time
    unit_price numeric(12,2) NOT NULL,
    quantity integer NOT NULL,
    line_total numeric(12,2) NOT NULL,
    CONSTRAINT order_items_pkey PRIMARY KEY (id),
    CONSTRAINT order_items_quantity_check CHECK (quantity BETWEEN 1 AND 100),
    CONSTRAINT order_items_amounts_check CHECK (unit_price >= 0 AND line_total = unit_price * quantity),
    CONSTRAINT order_items_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id)
);
CREATE INDEX order_items_order_id_index ON order_items (order_id);       -- items of an order
CREATE INDEX order_items_product_id_index ON order_items (product_id);   -- top-products report, FK check on product delete
CREATE INDEX order_items_sku_index ON order_items (sku);                 -- admin list: orders containing a sku

CREATE TABLE payments (
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
);
CREATE INDEX payments_order_id_index ON payments (order_id);
CREATE INDEX payments_created_at_index ON payments (created_at);   -- payment reports (success/decline rates per day)

-- Every status change of an order: written by the gateway's OrderTransitions in the transaction that
-- moves the order (checkout/payment, reservation reaper, admin via PATCH /api/orders/:id/status).
CREATE TABLE order_status_history (
    id bigserial NOT NULL,
    order_id bigint NOT NULL,
    from_status order_status NOT NULL,
    to_status order_status NOT NULL,
    actor_user_id bigint NULL,                     -- the admin who moved it; NULL for the system
    source varchar(32) NOT NULL,                   -- payment | reservation-reaper | admin
    reason varchar(500) NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_status_history_pkey PRIMARY KEY (id),
    CONSTRAINT order_status_history_order_id_foreign FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_status_history_actor_user_id_foreign FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX order_status_history_order_id_index ON order_status_history (order_id);   -- trail of one order

-- ---------------------------------------------------------------------------------------
-- Integration
-- ---------------------------------------------------------------------------------------
CREATE TABLE outbox (
    id bigserial NOT NULL,
    aggregate_type varchar(64) NOT NULL,
    aggregate_id varchar(64) NOT NULL,
    event_type varchar(64) NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_pkey PRIMARY KEY (id)
);
-- Insert-only, published by Debezium from the WAL; the order worker deletes rows older than
-- OUTBOX_RETENTION_HOURS, oldest ids first through the primary key (no created_at index needed).

CREATE TABLE import_batches (
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
    format varchar(8) NOT NULL DEFAULT 'csv',      -- csv | xlsx
    dry_run boolean NOT NULL DEFAULT false,        -- validate only, write no product
    source_path varchar(500) NULL,                 -- the stored upload (local disk of the admin)
    mapping jsonb NOT NULL DEFAULT '{}',           -- field -> column header
    started_at timestamptz NULL,
    CONSTRAINT import_batches_pkey PRIMARY KEY (id),
    CONSTRAINT import_batches_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX import_batches_user_id_created_at_index ON import_batches (user_id, created_at);   -- admin "my imports" list
CREATE TRIGGER import_batches_set_updated_at BEFORE UPDATE ON import_batches FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Debezium: heartbeat (keeps the slot's LSN moving when no captured table changes) and the
-- signal table (ad-hoc incremental snapshots, e.g. re-snapshot products).
CREATE SCHEMA debezium;
CREATE TABLE debezium.heartbeat (
    id integer NOT NULL,
    ts timestamptz NOT NULL,
    CONSTRAINT heartbeat_pkey PRIMARY KEY (id)
);
CREATE TABLE debezium.signal (
    id varchar(42) NOT NULL,
    type varchar(32) NOT NULL,
    data varchar(2048) NULL,
    CONSTRAINT signal_pkey PRIMARY KEY (id)
);

-- REPLICA IDENTITY (docs/database.md, docs/cdc.md): FULL for the tables the search index is
-- built from (complete rows for Debezium even when a TOASTed column is unchanged), DEFAULT
-- (primary key) for the high-write tables inventory, orders, order_items and the rest.
ALTER TABLE products REPLICA IDENTITY FULL;
ALTER TABLE categories REPLICA IDENTITY FULL;
ALTER TABLE brands REPLICA IDENTITY FULL;
ALTER TABLE product_images REPLICA IDENTITY FULL;
