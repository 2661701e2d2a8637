import { MigrationInterface, QueryRunner } from 'typeorm';

/** Twin: admin-service/database/migrations/2026_11_25_000002_create_catalog_tables.php */
export class CreateCatalogTables1795564800002 implements MigrationInterface {
  name = 'CreateCatalogTables1795564800002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE product_status AS ENUM ('draft', 'active')`);
    await q.query(`CREATE TYPE image_status AS ENUM ('pending', 'processing', 'ready', 'failed')`);

    // ---- categories: materialized path maintained by triggers -------------------------
    await q.query(`CREATE TABLE categories (
      id bigserial NOT NULL,
      parent_id bigint NULL,
      name varchar(120) NOT NULL,
      slug varchar(120) NOT NULL,
      path text NOT NULL DEFAULT '',
      depth smallint NOT NULL DEFAULT 0,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT categories_pkey PRIMARY KEY (id),
      CONSTRAINT categories_parent_id_foreign FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE RESTRICT
    )`);
    await q.query(`CREATE UNIQUE INDEX categories_parent_id_slug_unique ON categories (parent_id, slug) NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX categories_path_index ON categories (path text_pattern_ops)`);

    await q.query(`CREATE FUNCTION categories_tree() RETURNS trigger
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
$$`);
    await q.query(`CREATE FUNCTION categories_move_subtree() RETURNS trigger
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
$$`);
    await q.query(`CREATE TRIGGER categories_tree BEFORE INSERT OR UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION categories_tree()`);
    await q.query(
      `CREATE TRIGGER categories_move_subtree AFTER UPDATE ON categories FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION categories_move_subtree()`,
    );
    await q.query(`CREATE TRIGGER categories_set_updated_at BEFORE UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    // ---- brands -------------------------------------------------------------------------
    await q.query(`CREATE TABLE brands (
      id bigserial NOT NULL,
      name varchar(120) NOT NULL,
      slug varchar(120) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT brands_pkey PRIMARY KEY (id),
      CONSTRAINT brands_slug_unique UNIQUE (slug)
    )`);
    await q.query(`CREATE UNIQUE INDEX brands_name_lower_unique ON brands (lower(name))`);
    await q.query(`CREATE TRIGGER brands_set_updated_at BEFORE UPDATE ON brands FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    // ---- products -----------------------------------------------------------------------
    await q.query(`CREATE TABLE products (
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
      attributes jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      deleted_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT products_pkey PRIMARY KEY (id),
      CONSTRAINT products_sku_unique UNIQUE (sku),
      CONSTRAINT products_slug_unique UNIQUE (slug),
      CONSTRAINT products_price_check CHECK (price >= 0),
      CONSTRAINT products_attributes_check CHECK (jsonb_typeof(attributes) = 'object'),
      CONSTRAINT products_category_id_foreign FOREIGN KEY (category_id) REFERENCES categories (id),
      CONSTRAINT products_brand_id_foreign FOREIGN KEY (brand_id) REFERENCES brands (id)
    )`);
    await q.query(`CREATE INDEX products_category_id_index ON products (category_id)`);
    await q.query(`CREATE INDEX products_brand_id_index ON products (brand_id)`);
    await q.query(`CREATE INDEX products_updated_at_id_index ON products (updated_at, id)`);
    await q.query(`CREATE FUNCTION products_bump_version() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$`);
    await q.query(`CREATE TRIGGER products_bump_version BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION products_bump_version()`);
    await q.query(`CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    // ---- product_images -----------------------------------------------------------------
    await q.query(`CREATE TABLE product_images (
      id bigserial NOT NULL,
      product_id bigint NOT NULL,
      path varchar(500) NOT NULL,
      position integer NOT NULL DEFAULT 0,
      status image_status NOT NULL DEFAULT 'pending',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT product_images_pkey PRIMARY KEY (id),
      CONSTRAINT product_images_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX product_images_product_id_position_index ON product_images (product_id, position)`);
    await q.query(
      `CREATE TRIGGER product_images_set_updated_at BEFORE UPDATE ON product_images FOR EACH ROW EXECUTE FUNCTION set_updated_at()`,
    );

    // ---- inventory ----------------------------------------------------------------------
    await q.query(`CREATE TABLE inventory (
      product_id bigint NOT NULL,
      on_hand integer NOT NULL DEFAULT 0,
      reserved integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT inventory_pkey PRIMARY KEY (product_id),
      CONSTRAINT inventory_stock_check CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand),
      CONSTRAINT inventory_product_id_foreign FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE TRIGGER inventory_set_updated_at BEFORE UPDATE ON inventory FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inventory`);
    await q.query(`DROP TABLE product_images`);
    await q.query(`DROP TABLE products`);
    await q.query(`DROP FUNCTION products_bump_version()`);
    await q.query(`DROP TABLE brands`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP FUNCTION categories_move_subtree()`);
    await q.query(`DROP FUNCTION categories_tree()`);
    await q.query(`DROP TYPE image_status`);
    await q.query(`DROP TYPE product_status`);
  }
}
