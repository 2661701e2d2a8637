import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { ProductView } from './product.view';
import { pathIds } from './category-path';
import { mediaUrl } from './media-url';

interface Row {
  id: string;
  sku: string;
  name: string;
  slug: string;
  description: string;
  price: string;
  currency: string;
  status: string;
  attributes: Record<string, string | number>;
  created_at: Date;
  updated_at: Date;
  brand_name: string;
  cat_id: string;
  cat_slug: string;
  cat_name: string;
  cat_path: string;
  on_hand: number;
  reserved: number;
}

/** Loads full product views (brand, category path, stock, images) for a set of ids in 3 queries. */
@Injectable()
export class ProductReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async load(ids: number[], opts: { publicOnly: boolean; manager?: EntityManager }): Promise<ProductView[]> {
    if (!ids.length) return [];
    const q = opts.manager ?? this.db.manager;
    const rows: Row[] = await q.query(
      `SELECT p.id, p.sku, p.name, p.slug, p.description, p.price, p.currency, p.status, p.attributes,
              p.created_at, p.updated_at, b.name AS brand_name,
              c.id AS cat_id, c.slug AS cat_slug, c.name AS cat_name, c.path AS cat_path,
              COALESCE(i.on_hand, 0)::int AS on_hand, COALESCE(i.reserved, 0)::int AS reserved
         FROM products p
         JOIN brands b ON b.id = p.brand_id
         JOIN categories c ON c.id = p.category_id
         LEFT JOIN inventory i ON i.product_id = p.id
        WHERE p.id = ANY($1::bigint[]) AND p.deleted_at IS NULL
          ${opts.publicOnly ? "AND p.status = 'active'" : ''}`,
      [ids],
    );
    if (!rows.length) return [];
    const ancestorIds = [...new Set(rows.flatMap((r) => pathIds(r.cat_path)))];
    const cats: Array<{ id: string; slug: string }> = await q.query('SELECT id, slug FROM categories WHERE id = ANY($1::bigint[])', [
      ancestorIds,
    ]);
    const slugById = new Map(cats.map((c) => [Number(c.id), c.slug]));
    const images: Array<{ product_id: string; path: string }> = await q.query(
      `SELECT product_id, path FROM product_images WHERE product_id = ANY($1::bigint[]) AND status = 'ready' ORDER BY position, id`,
      [rows.map((r) => r.id)],
    );
    const imagesBy = new Map<number, string[]>();
    for (const img of images) {
      const list = imagesBy.get(Number(img.product_id)) ?? [];
      list.push(this.imageUrl(img.path));
      imagesBy.set(Number(img.product_id), list);
    }
    const byId = new Map(rows.map((r) => [Number(r.id), this.toView(r, slugById, imagesBy.get(Number(r.id)) ?? [], !opts.publicOnly)]));
    return ids.map((id) => byId.get(id)).filter((v): v is ProductView => !!v);
  }

  private imageUrl(path: string): string {
    return mediaUrl(this.config.env.MEDIA_BASE_URL, path);
  }

  private toView(r: Row, slugById: Map<number, string>, images: string[], withStatus: boolean): ProductView {
    const stock = Math.max(0, r.on_hand - r.reserved);
    const view: ProductView = {
      id: Number(r.id),
      sku: r.sku,
      name: r.name,
      slug: r.slug,
      description: r.description,
      price: Number(r.price),
      currency: r.currency.trim(),
      brand: r.brand_name,
      category: {
        id: Number(r.cat_id),
        slug: r.cat_slug,
        name: r.cat_name,
        path: pathIds(r.cat_path)
          .map((id) => slugById.get(id))
          .filter((s): s is string => !!s),
      },
      attributes: r.attributes ?? {},
      inStock: stock > 0,
      stock,
      images,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
    if (withStatus) view.status = r.status;
    return view;
  }
}
