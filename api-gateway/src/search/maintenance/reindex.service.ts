import { writeDocuments } from '../documents/bulk-writer';
import { Inject, Injectable } from '@nestjs/common';
import { ProductDocumentSource } from '../documents/product-document.source';
import { SEARCH_CLIENT, SearchClient } from '../es/es-client';
import { productIndexDefinition } from '../index/index-definitions';
import { IndexManager, physicalIndexName } from '../index/index-manager';
import { SearchSettings } from '../search.settings';

export interface ReindexReport {
  index: string;
  previous: string[];
  documents: number;
  seconds: number;
  docsPerSecond: number;
}

const CHUNK = 1000;
const PARALLEL = 3;

/**
 * Zero-loss rebuild: the new index joins the WRITE alias first (from then on the CDC indexer writes
 * every change to both indexes; it resolves the alias at the start of every batch), then all rows
 * are copied from PostgreSQL with the LSN read before each chunk as external version, then the READ
 * alias is swapped in one atomic update. A change during the copy lands in the new index either by
 * the copy (read after the change) or by the indexer (version-guarded: the newer read wins).
 */
@Injectable()
export class ReindexService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly indexes: IndexManager,
    private readonly source: ProductDocumentSource,
  ) {}

  /** `log`: progress lines (the CLI prints them); `dropGraceMs`: wait for in-flight indexer batches before dropping the old index. */
  async run(opts: { keepOld?: boolean; log?: (msg: string) => void; dropGraceMs?: number } = {}): Promise<ReindexReport> {
    const log = opts.log ?? (() => undefined);
    const dropGraceMs = opts.dropGraceMs ?? 3000;
    const alias = this.settings.SEARCH_PRODUCTS_ALIAS;
    const writeAlias = this.settings.productsWriteAlias;
    const started = Date.now();
    const def = productIndexDefinition();
    const index = physicalIndexName(alias);
    await this.indexes.create(index, def, { refresh_interval: '-1' });
    await this.indexes.addToAlias(writeAlias, index);
    log(`created ${index} and added it to ${writeAlias}; copying from PostgreSQL`);

    let documents = 0;
    const inFlight = new Set<Promise<void>>();
    for await (const ids of this.source.idChunks(CHUNK)) {
      const job = (async () => {
        const docs = await this.source.load(ids);
        const out = await writeDocuments(this.es, [index], docs);
        if (out.retryable.length || out.rejected.length) {
          throw new Error(`bulk into ${index} failed: ${(out.retryable[0] ?? out.rejected[0]).reason}`);
        }
        documents += docs.length;
      })();
      inFlight.add(job);
      job.finally(() => inFlight.delete(job)).catch(() => undefined);
      if (inFlight.size >= PARALLEL) await Promise.race(inFlight);
      if (documents && documents % 20000 < CHUNK) log(`  ${documents} documents`);
    }
    await Promise.all(inFlight);

    await this.es.indices.putSettings({ index, settings: { refresh_interval: (def.settings.refresh_interval as string) ?? '1s' } });
    await this.es.indices.refresh({ index });
    const previous = await this.indexes.swap(alias, index);
    for (const old of previous) await this.indexes.removeFromAlias(writeAlias, old).catch(() => undefined);
    // let CDC batches that resolved the write alias before the swap finish before dropping the
    // old index (a late one gets index_not_found, which the indexer retries with fresh targets)
    if (!opts.keepOld && previous.length) {
      await new Promise((r) => setTimeout(r, dropGraceMs));
      for (const old of previous) await this.indexes.delete(old);
    }
    const seconds = (Date.now() - started) / 1000;
    return { index, previous, documents, seconds, docsPerSecond: Math.round(documents / seconds) };
  }
}
