<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/*
 * Twin of api-gateway/src/database/migrations/1795564800002-CreateCatalogTables.ts.
 */
return new class extends Migration
{
    public function up()
    {
        DB::statement("CREATE TYPE product_status AS ENUM ('draft', 'active')");
        DB::statement("CREATE TYPE image_status AS ENUM ('pending', 'processing', 'ready', 'failed')");

        // ---- categories: materialized path maintained by triggers ----------------------
        Schema::create('categories', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->foreignId('parent_id')->nullable()->constrained('categories')->restrictOnDelete();
            $table->string('name', 120);
            $table->string('slug', 120);
            $table->text('path')->default('');
            // raw 0: a quoted '0' would be stored as '0'::smallint and differ from the TypeORM twin
            $table->smallInteger('depth')->default(DB::raw('0'));
            $table->integer('position')->default(0);
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
        });
        // The builder has neither NULLS NOT DISTINCT (PG15) nor operator classes.
        DB::statement('CREATE UNIQUE INDEX categories_parent_id_slug_unique ON categories (parent_id, slug) NULLS NOT DISTINCT');
        DB::statement('CREATE INDEX categories_path_index ON categories (path text_pattern_ops)');

        DB::unprepared(<<<'SQL'
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
$$
SQL);
        DB::unprepared(<<<'SQL'
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
$$
SQL);
        DB::statement('CREATE TRIGGER categories_tree BEFORE INSERT OR UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION categories_tree()');
        DB::statement('CREATE TRIGGER categories_move_subtree AFTER UPDATE ON categories FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION categories_move_subtree()');
        DB::statement('CREATE TRIGGER categories_set_updated_at BEFORE UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        // ---- brands ----------------------------------------------------------------------
        Schema::create('brands', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->string('name', 120);
            $table->string('slug', 120)->unique();
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
        });
        DB::statement('CREATE UNIQUE INDEX brands_name_lower_unique ON brands (lower(name))');
        DB::statement('CREATE TRIGGER brands_set_updated_at BEFORE UPDATE ON brands FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        // ---- products --------------------------------------------------------------------
        Schema::create('products', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->string('sku', 64)->unique();
            $table->string('name', 255);
            $table->string('slug', 255)->unique();
            $table->text('description')->default('');
            $table->decimal('price', 12, 2);
            $table->char('currency', 3)->default('USD');
            $table->foreignId('category_id')->constrained();
            $table->foreignId('brand_id')->constrained();
            $table->pgEnum('status', 'product_status')->default('active');
            $table->jsonb('attributes')->default('{}');
            $table->integer('version')->default(1);
            $table->softDeletesTz('deleted_at', null);
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
            $table->index('category_id');
            $table->index('brand_id');
            $table->index(['updated_at', 'id']);
        });
        DB::statement('ALTER TABLE products ADD CONSTRAINT products_price_check CHECK (price >= 0)');
        DB::statement("ALTER TABLE products ADD CONSTRAINT products_attributes_check CHECK (jsonb_typeof(attributes) = 'object')");
        DB::unprepared(<<<'SQL'
CREATE FUNCTION products_bump_version() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$
SQL);
        DB::statement('CREATE TRIGGER products_bump_version BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION products_bump_version()');
        DB::statement('CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        // ---- product_images --------------------------------------------------------------
        Schema::create('product_images', function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->foreignId('product_id')->constrained()->cascadeOnDelete();
            $table->string('path', 500);
            $table->integer('position')->default(0);
            $table->pgEnum('status', 'image_status')->default('pending');
            $table->timestampTz('created_at', null)->default(DB::raw('now()'));
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
            $table->index(['product_id', 'position']);
        });
        DB::statement('CREATE TRIGGER product_images_set_updated_at BEFORE UPDATE ON product_images FOR EACH ROW EXECUTE FUNCTION set_updated_at()');

        // ---- inventory -------------------------------------------------------------------
        Schema::create('inventory', function (Blueprint $table) {
            $table->foreignId('product_id')->primary()->constrained()->cascadeOnDelete();
            $table->integer('on_hand')->default(0);
            $table->integer('reserved')->default(0);
            $table->integer('version')->default(1);
            $table->timestampTz('updated_at', null)->default(DB::raw('now()'));
        });
        DB::statement('ALTER TABLE inventory ADD CONSTRAINT inventory_stock_check CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand)');
        DB::statement('CREATE TRIGGER inventory_set_updated_at BEFORE UPDATE ON inventory FOR EACH ROW EXECUTE FUNCTION set_updated_at()');
    }

    public function down()
    {
        Schema::drop('inventory');
        Schema::drop('product_images');
        Schema::drop('products');
        DB::statement('DROP FUNCTION products_bump_version()');
        Schema::drop('brands');
        Schema::drop('categories');
        DB::statement('DROP FUNCTION categories_move_subtree()');
        DB::statement('DROP FUNCTION categories_tree()');
        DB::statement('DROP TYPE image_status');
        DB::statement('DROP TYPE product_status');
    }
};
