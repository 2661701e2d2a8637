import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SEARCH_CLIENT, SearchClient } from './es/es-client';
import { CategoryFacetValue, CategoryNode, categoryTree } from './query/facets.mapper';
import { SearchSettings } from './search.settings';
import { CircuitBreaker, throughBreaker } from './resilience/circuit-breaker';
import { isNodeFailure } from './resilience/node-failure';

const TTL_MS = 5000;

/** Category rows (names, slugs, parents) for facet trees; cached briefly in process. */
@Injectable()
export class CategoryTreeService {
  private cache?: { at: number; rows: Promise<CategoryNode[]> };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly breaker: CircuitBreaker,
  ) {}

  categories(): Promise<CategoryNode[]> {
    if (!this.cache || Date.now() - this.cache.at > TTL_MS) {
      const rows = this.db
        .query(`SELECT id, parent_id, slug, name, position FROM categories`)
        .then((rs: Array<{ id: string; parent_id: string | null; slug: string; name: string; position: number }>) =>
          rs.map((r) => ({
            id: Number(r.id),
            parentId: r.parent_id === null ? null : Number(r.parent_id),
            slug: r.slug,
            name: r.name,
            position: r.position,
          })),
        );
      rows.catch(() => (this.cache = undefined));
      this.cache = { at: Date.now(), rows };
    }
    return this.cache.rows;
  }

  /**
   * GET /api/categories: the whole tree with the number of searchable products under each node.
   * Counted by the index; while the node is away, by PostgreSQL (one grouped query, same rule:
   * active, not soft-deleted, in the node or a descendant).
   */
  async treeWithCounts(): Promise<CategoryFacetValue[]> {
    const [categories, counts] = await Promise.all([
      this.categories(),
      throughBreaker(
        this.breaker,
        isNodeFailure,
        () => this.indexCounts(),
        () => this.databaseCounts(),
      ),
    ]);
    return categoryTree(categories, counts, true);
  }

  private async indexCounts(): Promise<Map<number, number>> {
    const res = await this.es.search(
      {
        index: this.settings.SEARCH_PRODUCTS_ALIAS,
        size: 0,
        query: { term: { visible: true } },
        aggs: { values: { terms: { field: 'categoryIds', size: 5000 } } },
      },
      { requestTimeout: this.settings.SEARCH_QUERY_TIMEOUT_MS, maxRetries: 0 },
    );
    const buckets = (res.aggregations?.values as { buckets?: Array<{ key: number; doc_count: number }> })?.buckets ?? [];
    return new Map(buckets.map((b) => [Number(b.key), b.doc_count]));
  }

  private async databaseCounts(): Promise<Map<number, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT anc.id, count(*)::int AS n
         FROM products p JOIN categories leaf ON leaf.id = p.category_id JOIN categories anc ON leaf.path LIKE anc.path || '%'
        WHERE p.status = 'active' AND p.deleted_at IS NULL
        GROUP BY anc.id`,
    );
    return new Map(rows.map((r) => [Number(r.id), r.n]));
  }
}
