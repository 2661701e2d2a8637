import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twin: admin-service/database/migrations/2026_11_30_120000_add_inventory_available_index.php
 *
 * The admin dashboard's "low stock" list: the sellable products with the least available stock
 * (on_hand - reserved), first N. Without it every dashboard load hashes the whole inventory
 * (about 100 ms on 100k products); with it, an index scan stops after N rows.
 */
export class AddInventoryAvailableIndex1796040000001 implements MigrationInterface {
  name = 'AddInventoryAvailableIndex1796040000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX inventory_available_index ON inventory ((on_hand - reserved), product_id)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX inventory_available_index');
  }
}
