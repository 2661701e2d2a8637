import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldConflictException, UnprocessableFieldException } from '../common/errors/domain.exceptions';
import { ProductInputDto, ProductPatchDto } from './dto/product-input.dto';
import type { ProductView } from '../catalog/product.view';
import { ProductCacheInvalidator, ProductCacheService } from '../catalog/product-cache.service';
import { ProductReader } from '../catalog/product-reader';
import { productRow } from './product-row';
import { slugify } from './slug';

@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ProductReader,
    private readonly cache: ProductCacheService,
    private readonly invalidator: ProductCacheInvalidator,
  ) {}

  /** Public detail: active, not deleted; cached under product:<id>. */
  async getPublic(id: number): Promise<{ product: ProductView; cache: 'hit' | 'miss' }> {
    const { value, gen } = await this.cache.getDetail<ProductView>(id);
    if (value) return { product: value, cache: 'hit' };
    const [product] = await this.reader.load([id], { publicOnly: true });
    if (!product) throw new NotFoundException(`Product ${id} not found`);
    await this.cache.setDetail(id, product, gen);
    return { product, cache: 'miss' };
  }

  /** Admin detail: drafts included (with `status`), never cached (the cache holds public views only). */
  async getForAdmin(id: number): Promise<{ product: ProductView; cache: 'bypass' }> {
    const [product] = await this.reader.load([id], { publicOnly: false });
    if (!product) throw new NotFoundException(`Product ${id} not found`);
    return { product, cache: 'bypass' };
  }

  /** Creates product, brand (if new) and inventory in one transaction. */
  async create(dto: ProductInputDto): Promise<ProductView> {
    const id = await this.db.transaction(async (m) => {
      await this.assertCategory(m, dto.categoryId);
      const brandId = await this.upsertBrand(m, dto.brand);
      const values = (slug: string) => productRow(dto, slug, brandId);
      const insert = `INSERT INTO products (sku, name, slug, description, price, currency, category_id, brand_id, status, attributes)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`;
      let row: { id: string } | undefined;
      if (dto.slug) {
        // an explicit slug is the caller's choice: taken = 409 naming slug
        [row] = (await m.query(`${insert} RETURNING id`, values(dto.slug))) as Array<{ id: string }>;
      } else {
        // derived from the name: unique by default (blue-tee, blue-tee-2, …); a concurrent create of the same name retries
        for (let attempt = 0; !row && attempt < 5; attempt++) {
          const slug = await this.freeSlug(m, slugify(dto.name, 240));
          [row] = (await m.query(
            `${insert} ON CONFLICT ON CONSTRAINT products_slug_unique DO NOTHING RETURNING id`,
            values(slug),
          )) as Array<{
            id: string;
          }>;
        }
        if (!row) throw new FieldConflictException('slug', 'could not allocate a unique slug; give one explicitly');
      }
      await m.query(
        `INSERT INTO inventory (product_id, on_hand) VALUES ($1, $2)
         ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()`,
        [row.id, dto.stock ?? 0],
      );
      return Number(row.id);
    });
    await this.invalidator.invalidateProduct(id);
    return (await this.reader.load([id], { publicOnly: false }))[0];
  }

  /** Replaces a product (PUT semantics); an omitted slug keeps the current one (URLs stay stable); stock, when given, replaces on_hand. */
  async update(id: number, dto: ProductInputDto): Promise<ProductView> {
    await this.db.transaction(async (m) => {
      const [existing]: Array<{ id: string }> = await m.query('SELECT id FROM products WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [
        id,
      ]);
      if (!existing) throw new NotFoundException(`Product ${id} not found`);
      await this.assertCategory(m, dto.categoryId);
      const brandId = await this.upsertBrand(m, dto.brand);
      await m.query(
        `UPDATE products SET sku = $2, name = $3, slug = COALESCE($4, slug), description = $5, price = $6, currency = $7,
                category_id = $8, brand_id = $9, status = $10, attributes = $11::jsonb, updated_at = now()
          WHERE id = $1`,
        [id, ...productRow(dto, dto.slug ?? null, brandId)],
      );
      if (dto.stock !== undefined) {
        await m.query(
          `INSERT INTO inventory (product_id, on_hand) VALUES ($1, $2)
           ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, version = inventory.version + 1, updated_at = now()`,
          [id, dto.stock],
        );
      }
    });
    await this.invalidator.invalidateProduct(id);
    return (await this.reader.load([id], { publicOnly: false }))[0];
  }

  /** `base` (a slugify() result: [a-z0-9-] only) if no product has it, else base-N with the next free N. */
  private async freeSlug(m: EntityManager, base: string): Promise<string> {
    const rows = (await m.query(`SELECT slug FROM products WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`, [base])) as Array<{
      slug: string;
    }>;
    if (!rows.some((r) => r.slug === base)) return base;
    const used = rows.map((r) => Number(r.slug.slice(base.length + 1))).filter(Number.isSafeInteger);
    return `${base}-${Math.max(1, ...used) + 1}`;
  }

  /** Partial update: the given fields over the current ones (then the PUT path: same rules, one transaction). */
  async patch(id: number, dto: ProductPatchDto): Promise<ProductView> {
    const [current] = (await this.db.query(
      `SELECT p.sku, p.name, p.slug, p.description, p.price::float8 AS price, p.currency, p.category_id::int AS "categoryId",
              b.name AS brand, p.status::text AS status, p.attributes
         FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = $1 AND p.deleted_at IS NULL`,
      [id],
    )) as Array<Omit<ProductInputDto, 'stock'>>;
    if (!current) throw new NotFoundException(`Product ${id} not found`);
    const given = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    return this.update(id, { ...current, currency: (current.currency ?? 'USD').trim(), ...given } as ProductInputDto);
  }

  private async assertCategory(m: EntityManager, categoryId: number): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM categories WHERE id = $1', [categoryId]);
    if (!rows.length) throw new UnprocessableFieldException('categoryId', `category ${categoryId} does not exist`);
  }

  /** Finds a brand by case-insensitive name or creates it (race-safe via ON CONFLICT). */
  private async upsertBrand(m: EntityManager, name: string): Promise<string> {
    const find = async (): Promise<string | undefined> => {
      const rows: Array<{ id: string }> = await m.query('SELECT id FROM brands WHERE lower(name) = lower($1)', [name]);
      return rows[0]?.id;
    };
    const existing = await find();
    if (existing) return existing;
    const base = slugify(name, 110);
    for (let attempt = 0; attempt < 5; attempt++) {
      const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
      const inserted: Array<{ id: string }> = await m.query(
        'INSERT INTO brands (name, slug) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id',
        [name, slug],
      );
      if (inserted.length) return inserted[0].id;
      const raced = await find();
      if (raced) return raced;
    }
    throw new UnprocessableFieldException('brand', 'could not allocate a unique brand slug');
  }
}
