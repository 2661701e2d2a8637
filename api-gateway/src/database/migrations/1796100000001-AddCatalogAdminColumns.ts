import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twin: admin-service/database/migrations/2026_11_30_130000_add_catalog_admin_columns.php
 *
 * The admin's catalog management (issue 14):
 * - products_search_trgm_index: the product list searches sku + name with ILIKE '%term%' (drafts and
 *   trashed included) through a pg_trgm GIN index instead of scanning 100k rows;
 * - product_images: the thumbnail the queue job made, the sniffed mime type and why processing failed;
 * - import_batches: format, dry run, the stored upload, the column mapping, when the worker started;
 * - api_keys: scopes catalog:read / catalog:write for scripts calling the admin's JSON API.
 */
export class AddCatalogAdminColumns1796100000001 implements MigrationInterface {
  name = 'AddCatalogAdminColumns1796100000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`CREATE INDEX products_search_trgm_index ON products USING gin (((sku::text || ' ' || name::text)) gin_trgm_ops)`);
    await q.query(`ALTER TABLE product_images
      ADD COLUMN thumbnail_path varchar(500) NULL,
      ADD COLUMN mime_type varchar(100) NULL,
      ADD COLUMN failure_reason text NULL`);
    await q.query(`ALTER TABLE import_batches
      ADD COLUMN format varchar(8) NOT NULL DEFAULT 'csv',
      ADD COLUMN dry_run boolean NOT NULL DEFAULT false,
      ADD COLUMN source_path varchar(500) NULL,
      ADD COLUMN mapping jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN started_at timestamptz NULL`);
    await q.query('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
    await q.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
      CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex', 'catalog:read', 'catalog:write']::text[])`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
    await q.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
      CHECK (scopes <@ ARRAY['ops:read', 'ops:write', 'search:reindex']::text[])`);
    await q.query(
      'ALTER TABLE import_batches DROP COLUMN started_at, DROP COLUMN mapping, DROP COLUMN source_path, DROP COLUMN dry_run, DROP COLUMN format',
    );
    await q.query('ALTER TABLE product_images DROP COLUMN failure_reason, DROP COLUMN mime_type, DROP COLUMN thumbnail_path');
    await q.query('DROP INDEX products_search_trgm_index');
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
