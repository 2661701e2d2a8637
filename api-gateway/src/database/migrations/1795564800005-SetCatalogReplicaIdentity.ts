import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twin: admin-service/database/migrations/2026_11_25_000005_set_catalog_replica_identity.php
 *
 * REPLICA IDENTITY FULL for the tables the search index is built from (docs/database.md,
 * docs/cdc.md): with DEFAULT, an UPDATE that does not touch a TOASTed column (long
 * description, large attributes) reaches Debezium as "__debezium_unavailable_value". The
 * high-write tables (inventory, orders, order_items) keep DEFAULT.
 */
const TABLES = ['products', 'categories', 'brands', 'product_images'];

export class SetCatalogReplicaIdentity1795564800005 implements MigrationInterface {
  name = 'SetCatalogReplicaIdentity1795564800005';

  public async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} REPLICA IDENTITY FULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} REPLICA IDENTITY DEFAULT`);
  }
}
