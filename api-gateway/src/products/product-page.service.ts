import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ProductPageView } from '../catalog/product.view';
import { ProductsService } from './products.service';
import { mediaUrl } from '../catalog/media-url';

/**
 * The storefront's product page by slug (shareable URL): the public view (cached like GET /:id)
 * plus what only a detail page needs: every ready image with its thumbnail, and the category
 * breadcrumb with names.
 */
@Injectable()
export class ProductPageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly products: ProductsService,
    private readonly config: AppConfig,
  ) {}

  async bySlug(slug: string): Promise<{ page: ProductPageView; cache: 'hit' | 'miss' }> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM products WHERE slug = $1 AND deleted_at IS NULL AND status = 'active'`,
      [slug],
    );
    if (!row) throw new NotFoundException(`Product ${slug} not found`);
    const { product, cache } = await this.products.getPublic(Number(row.id));
    const [images, crumbs] = await Promise.all([
      this.db.query(`SELECT path, thumbnail_path FROM product_images WHERE product_id = $1 AND status = 'ready' ORDER BY position, id`, [
        row.id,
      ]) as Promise<Array<{ path: string; thumbnail_path: string | null }>>,
      // categories.path = '/<root id>/…/<own id>/': the ancestors in order, root first
      this.db.query(
        `WITH p AS (SELECT string_to_array(trim(both '/' from path), '/')::bigint[] AS ids FROM categories WHERE id = $1)
         SELECT c.slug, c.name FROM p JOIN categories c ON c.id = ANY(p.ids) ORDER BY array_position(p.ids, c.id)`,
        [product.category.id],
      ) as Promise<Array<{ slug: string; name: string }>>,
    ]);
    const base = this.config.env.MEDIA_BASE_URL;
    return {
      cache,
      page: {
        ...product,
        gallery: images.map((i) => ({ url: mediaUrl(base, i.path), thumbnail: mediaUrl(base, i.thumbnail_path ?? i.path) })),
        breadcrumb: crumbs,
      },
    };
  }
}
