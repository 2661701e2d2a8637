import { createHash } from 'crypto';
import type { ProductView } from '../../catalog/product.view';

/** Search-only facts about a product row, read beside the public view. */
export interface ProductSearchFields {
  id: number;
  status: string;
  deleted: boolean;
  version: number;
  brandId: number;
  brandSlug: string;
  /** ids of the category and all its ancestors, root first (from categories.path). */
  categoryIds: number[];
}

/** What is stored per product in the index: the public view plus filter/facet fields. */
export interface ProductDocument extends Partial<ProductView> {
  id: number;
  visible: boolean;
  deleted: boolean;
  status?: string;
  indexedLsn: number;
  sourceVersion?: number;
  brandId?: number;
  brandKey?: string[];
  categoryIds?: number[];
  attrPairs?: string[];
}

/** Fields of ProductView returned by the API (the _source filter of searches). */
export const VIEW_FIELDS = [
  'id',
  'sku',
  'name',
  'slug',
  'description',
  'price',
  'currency',
  'brand',
  'category',
  'attributes',
  'inStock',
  'stock',
  'images',
  'createdAt',
  'updatedAt',
] as const;

/** Fields that are index bookkeeping, not content (excluded from verify-index checksums). */
const META_FIELDS = new Set(['indexedLsn']);

/**
 * `name=value` for filters and facets. Values are folded to one case (and trimmed) here, so the
 * index, the filters and the facet values agree ("Beige" and "beige" are one value); the stored
 * attributes (PostgreSQL, the document's `attributes`) keep what the catalog wrote.
 */
export const attrPair = (name: string, value: string | number): string => `${name}=${String(value).trim().toLowerCase()}`;

/**
 * Builds the document for one product. `view` is the public view (absent when the product is
 * gone, soft-deleted or a draft: then a tombstone is written, which keeps its external version so
 * a late event can never resurrect the product).
 */
export function buildProductDocument(
  id: number,
  view: ProductView | undefined,
  fields: ProductSearchFields | undefined,
  lsn: number,
): ProductDocument {
  if (!view || !fields || fields.deleted || fields.status !== 'active') {
    return {
      id,
      visible: false,
      deleted: true,
      status: fields?.status,
      indexedLsn: lsn,
      sourceVersion: fields?.version,
    };
  }
  const { status: _adminOnly, ...publicView } = view;
  return {
    ...publicView,
    id,
    visible: true,
    deleted: false,
    status: fields.status,
    indexedLsn: lsn,
    sourceVersion: fields.version,
    brandId: fields.brandId,
    brandKey: [...new Set([view.brand.toLowerCase(), fields.brandSlug])],
    categoryIds: fields.categoryIds,
    attrPairs: Object.entries(view.attributes ?? {})
      .map(([k, v]) => attrPair(k, v))
      .sort(),
  };
}

/** Stable JSON (sorted keys) so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Checksum of the indexed content of a document (verify-index compares PostgreSQL and ES by it). */
export function documentChecksum(doc: ProductDocument | Record<string, unknown>): string {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!META_FIELDS.has(k)) content[k] = v;
  return createHash('sha1').update(canonicalJson(content)).digest('hex');
}
