import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProductReader } from '../../catalog/product-reader';
import { pathIds } from '../../catalog/category-path';
import { currentWalLsn, SqlRunner } from '../wal-lsn';
import { buildProductDocument, ProductDocument, ProductSearchFields } from './product-document';

/**
 * Reads the current PostgreSQL state of products and turns it into index documents. Every write
 * carries `lsn` = pg_current_wal_lsn() taken BEFORE the read, used as the external version
 * (version_type external_gte): a read that started later always wins, so a slow or replayed
 * batch can never overwrite newer content (see docs/search.md, "Ordering").
 */
@Injectable()
export class ProductDocumentSource {
  constructor(
    @InjectDataSource() private readonly db: SqlRunner,
    private readonly reader: ProductReader,
  ) {}

  currentLsn(): Promise<number> {
    return currentWalLsn(this.db);
  }

  async searchFields(ids: number[]): Promise<Map<number, ProductSearchFields>> {
    const rows = (await this.db.query(
      `SELECT p.id, p.status::text AS status, (p.deleted_at IS NOT NULL) AS deleted, p.version, p.brand_id,
              b.slug AS brand_slug, c.path AS category_path
         FROM products p JOIN brands b ON b.id = p.brand_id JOIN categories c ON c.id = p.category_id
        WHERE p.id = ANY($1::bigint[])`,
      [ids],
    )) as Array<{
      id: string;
      status: string;
      deleted: boolean;
      version: number;
      brand_id: string;
      brand_slug: string;
      category_path: string;
    }>;
    return new Map(
      rows.map((r) => [
        Number(r.id),
        {
          id: Number(r.id),
          status: r.status,
          deleted: r.deleted,
          version: r.version,
          brandId: Number(r.brand_id),
          brandSlug: r.brand_slug,
          categoryIds: pathIds(r.category_path),
        },
      ]),
    );
  }

  /** Documents (or tombstones) for exactly these ids, read at one LSN. */
  async load(ids: number[]): Promise<ProductDocument[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const lsn = await this.currentLsn();
    const [views, fields] = await Promise.all([this.reader.load(unique, { publicOnly: true }), this.searchFields(unique)]);
    const viewById = new Map(views.map((v) => [v.id, v]));
    return unique.map((id) => buildProductDocument(id, viewById.get(id), fields.get(id), lsn));
  }

  /** Product ids in a category subtree (a rename or move of the category changes their documents). */
  async idsInCategorySubtrees(categoryIds: number[]): Promise<number[]> {
    if (!categoryIds.length) return [];
    const rows = (await this.db.query(
      `SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id
        WHERE EXISTS (SELECT 1 FROM categories root WHERE root.id = ANY($1::bigint[]) AND c.path LIKE root.path || '%')`,
      [categoryIds],
    )) as Array<{ id: string }>;
    return rows.map((r) => Number(r.id));
  }

  async idsOfBrands(brandIds: number[]): Promise<number[]> {
    if (!brandIds.length) return [];
    const rows = (await this.db.query(`SELECT id FROM products WHERE brand_id = ANY($1::bigint[])`, [brandIds])) as Array<{ id: string }>;
    return rows.map((r) => Number(r.id));
  }

  async existingIds(ids: number[]): Promise<number[]> {
    if (!ids.length) return [];
    const rows = (await this.db.query(`SELECT id FROM products WHERE id = ANY($1::bigint[])`, [ids])) as Array<{ id: string }>;
    return rows.map((r) => Number(r.id));
  }

  /** Keyset walk over all product ids (reindex, verify-index). */
  async *idChunks(chunkSize: number): AsyncGenerator<number[]> {
    let after = 0;
    for (;;) {
      const rows = (await this.db.query(`SELECT id FROM products WHERE id > $1 ORDER BY id LIMIT $2`, [after, chunkSize])) as Array<{
        id: string;
      }>;
      if (!rows.length) return;
      const ids = rows.map((r) => Number(r.id));
      yield ids;
      after = ids[ids.length - 1];
    }
  }
}
