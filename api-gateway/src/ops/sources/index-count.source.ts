import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { SEARCH_CLIENT, SearchClient } from '../../search/es/es-client';
import { SearchSettings } from '../../search/search.settings';

export interface IndexCountReport {
  alias: string;
  /** Searchable documents (hidden tombstones of deleted/draft products excluded). */
  indexDocuments: number;
  /** Products that should be searchable: active and not soft-deleted. */
  postgresProducts: number;
  difference: number;
}

@Injectable()
export class IndexCountSource {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async read(): Promise<IndexCountReport> {
    const alias = this.settings.SEARCH_PRODUCTS_ALIAS;
    const [es, pg] = await Promise.all([
      this.es.count(
        { index: alias, query: { term: { visible: true } } },
        { requestTimeout: this.config.env.OPS_SOURCE_TIMEOUT_MS, maxRetries: 0 },
      ),
      this.db.query(`SELECT count(*)::bigint::text AS n FROM products WHERE status = 'active' AND deleted_at IS NULL`) as Promise<
        Array<{ n: string }>
      >,
    ]);
    const postgresProducts = Number(pg[0].n);
    return { alias, indexDocuments: es.count, postgresProducts, difference: es.count - postgresProducts };
  }
}
