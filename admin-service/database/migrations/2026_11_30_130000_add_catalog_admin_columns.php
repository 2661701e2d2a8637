<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/*
 * Twin of api-gateway/src/database/migrations/1796100000001-AddCatalogAdminColumns.ts.
 * Catalog management: trigram search index, image processing columns, import options, catalog API-key scopes.
 */
return new class extends Migration
{
    public function up()
    {
        DB::statement('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        DB::statement("CREATE INDEX products_search_trgm_index ON products USING gin (((sku::text || ' ' || name::text)) gin_trgm_ops)");
        DB::statement('ALTER TABLE product_images
            ADD COLUMN thumbnail_path varchar(500) NULL,
            ADD COLUMN mime_type varchar(100) NULL,
            ADD COLUMN failure_reason text NULL');
        DB::statement("ALTER TABLE import_batches
            ADD COLUMN format varchar(8) NOT NULL DEFAULT 'csv',
            ADD COLUMN dry_run boolean NOT NULL DEFAULT false,
            ADD COLUMN source_path varchar(500) NULL,
            ADD COLUMN mapping jsonb NOT NULL DEFAULT '{}',
            ADD COLUMN started_at timestamptz NULL");
        DB::statement('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
        DB::statement("ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
            CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex', 'catalog:read', 'catalog:write']::text[])");
    }

    public function down()
    {
        DB::statement('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
        DB::statement("ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
            CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex']::text[])");
        DB::statement('ALTER TABLE import_batches DROP COLUMN started_at, DROP COLUMN mapping, DROP COLUMN source_path, DROP COLUMN dry_run, DROP COLUMN format');
        DB::statement('ALTER TABLE product_images DROP COLUMN failure_reason, DROP COLUMN mime_type, DROP COLUMN thumbnail_path');
        DB::statement('DROP INDEX products_search_trgm_index');
        DB::statement('DROP EXTENSION IF EXISTS pg_trgm');
    }
};
