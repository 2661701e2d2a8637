import { ApiProperty } from '@nestjs/swagger';

export class CategoryRef {
  @ApiProperty({ example: 23 }) id: number;
  @ApiProperty({ example: 't-shirts' }) slug: string;
  @ApiProperty({ example: 'T-shirts' }) name: string;
  @ApiProperty({ example: ['clothing', 'men', 't-shirts'], type: [String] }) path: string[];
}

/** Public product contract. */
export class ProductView {
  @ApiProperty({ example: 101 }) id: number;
  @ApiProperty({ example: 'ACME-TSHIRT-001' }) sku: string;
  @ApiProperty({ example: 'Acme organic T-shirt' }) name: string;
  @ApiProperty({ example: 'acme-organic-t-shirt' }) slug: string;
  @ApiProperty({ example: 'Soft, breathable.' }) description: string;
  @ApiProperty({ example: 19.99 }) price: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: 'Acme' }) brand: string;
  @ApiProperty({ type: CategoryRef }) category: CategoryRef;
  @ApiProperty({ example: { color: 'red', size: 'M' } }) attributes: Record<string, string | number>;
  @ApiProperty({ example: true }) inStock: boolean;
  @ApiProperty({ example: 25, description: 'on_hand - reserved' }) stock: number;
  @ApiProperty({ example: ['/media/products/101/1.jpg'], type: [String] }) images: string[];
  @ApiProperty({ example: 'draft', required: false, description: 'admin responses only' }) status?: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) updatedAt: string;
}

export class ProductPage {
  @ApiProperty({ type: [ProductView] }) items: ProductView[];
  @ApiProperty({ example: 120 }) total: number;
  @ApiProperty({ enum: ['eq', 'gte'], example: 'eq' }) totalRelation: 'eq' | 'gte';
  @ApiProperty({ example: 1, nullable: true, type: Number, description: 'null on a cursor page (it has no page number)' }) page:
    number | null;
  @ApiProperty({ example: 24 }) pageSize: number;
  @ApiProperty({ example: 'eyJzIjoibmV3ZXN0Ii...', nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ example: { brand: [{ value: 'Acme', count: 12 }] } }) facets: Record<string, Array<{ value: string; count: number }>>;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    example: 'wireless headphones',
    description: 'Search index only: a corrected query when `q` found fewer than 3 products and the correction finds some',
  })
  didYouMean?: string | null;
  @ApiProperty({
    example: false,
    description:
      'true while the search node is unreachable or failing: the page comes from PostgreSQL (header X-Search-Degraded: true), with the brand and price facets only; see docs/search.md',
  })
  degraded?: boolean;
}

export class GalleryImage {
  @ApiProperty({ example: '/media/products/acme-tshirt-001/1.jpg' }) url: string;
  @ApiProperty({
    example: '/media/products/acme-tshirt-001/thumbs/1.jpg',
    description: "the admin pipeline's thumbnail (the image itself until it exists)",
  })
  thumbnail: string;
}

export class BreadcrumbItem {
  @ApiProperty({ example: 'clothing' }) slug: string;
  @ApiProperty({ example: 'Clothing' }) name: string;
}

/** GET /api/products/by-slug/:slug: the public view plus the product page's gallery and breadcrumb. */
export class ProductPageView extends ProductView {
  @ApiProperty({ type: [GalleryImage] }) gallery: GalleryImage[];
  @ApiProperty({ type: [BreadcrumbItem], description: "root category first, the product's own category last" })
  breadcrumb: BreadcrumbItem[];
}
