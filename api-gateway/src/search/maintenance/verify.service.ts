import { documentChecksum, ProductDocument } from '../documents/product-document';
import { writeDocuments } from '../documents/bulk-writer';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ProductCacheInvalidator } from '../../catalog/product-cache.service';
import { ProductDocumentSource } from '../documents/product-document.source';
import { SEARCH_CLIENT, SearchClient } from '../es/es-client';
import { SearchSettings } from '../search.settings';

export type DriftKind = 'missing' | 'stale' | 'not-hidden' | 'orphan';

export interface VerifyReport {
  postgresVisible: number;
  indexVisible: number;
  checked: number;
  drift: Record<DriftKind, number>;
  sample: Array<{ id: number; kind: DriftKind }>;
  repaired: number;
}

const CHUNK = 1000;

/** Compares one expected document (from PostgreSQL) with what the index holds for that id. */
export function compareDocument(expected: ProductDocument, actual: Record<string, unknown> | undefined): DriftKind | undefined {
  const actuallyVisible = actual?.visible === true;
  if (!expected.visible) return actuallyVisible ? 'not-hidden' : undefined;
  if (!actual || !actuallyVisible) return 'missing';
  return documentChecksum(expected) === documentChecksum(actual) ? undefined : 'stale';
}

/**
 * make verify-index: PostgreSQL vs the index, by count and by a checksum of every indexed field;
 * `repair` re-indexes every drifting id from PostgreSQL (orphans become tombstones).
 */
@Injectable()
export class VerifyService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly es: SearchClient,
    private readonly settings: SearchSettings,
    private readonly source: ProductDocumentSource,
    /** Repairs invalidate the repaired products' cache entries (absent in tests that only compare). */
    @Optional() private readonly invalidator?: ProductCacheInvalidator,
  ) {}

  async run(opts: { repair?: boolean } = {}): Promise<VerifyReport> {
    const index = this.settings.SEARCH_PRODUCTS_ALIAS;
    const report: VerifyReport = {
      postgresVisible: 0,
      indexVisible: 0,
      checked: 0,
      drift: { missing: 0, stale: 0, 'not-hidden': 0, orphan: 0 },
      sample: [],
      repaired: 0,
    };
    const drifting: number[] = [];
    const note = (id: number, kind: DriftKind) => {
      report.drift[kind]++;
      drifting.push(id);
      if (report.sample.length < 20) report.sample.push({ id, kind });
    };

    for await (const ids of this.source.idChunks(CHUNK)) {
      const [expected, actual] = await Promise.all([this.source.load(ids), this.es.mget({ index, ids: ids.map(String) })]);
      const byId = new Map<number, Record<string, unknown>>();
      for (const d of actual.docs as Array<{ _id: string; found?: boolean; _source?: Record<string, unknown> }>) {
        if (d.found && d._source) byId.set(Number(d._id), d._source);
      }
      for (const doc of expected) {
        report.checked++;
        if (doc.visible) report.postgresVisible++;
        const kind = compareDocument(doc, byId.get(doc.id));
        if (kind) note(doc.id, kind);
      }
    }

    // visible documents whose row no longer exists at all (e.g. after a TRUNCATE, which CDC skips)
    let after: number | undefined;
    for (;;) {
      const res = await this.es.search({
        index,
        size: 5000,
        _source: false,
        query: { term: { visible: true } },
        sort: [{ id: 'asc' }],
        ...(after !== undefined ? { search_after: [after] } : {}),
      } as never);
      const hits = res.hits.hits as Array<{ _id: string; sort: number[] }>;
      if (!hits.length) break;
      report.indexVisible += hits.length;
      const ids = hits.map((h) => Number(h._id));
      const existing = new Set(await this.source.existingIds(ids));
      for (const id of ids) if (!existing.has(id)) note(id, 'orphan');
      after = hits[hits.length - 1].sort[0];
    }

    if (opts.repair && drifting.length) {
      for (let i = 0; i < drifting.length; i += CHUNK) {
        const ids = drifting.slice(i, i + CHUNK);
        const targets = Object.keys(await this.es.indices.getAlias({ name: this.settings.productsWriteAlias }));
        const out = await writeDocuments(this.es, targets, await this.source.load(ids), 'wait_for');
        report.repaired += out.written;
        await this.invalidator?.invalidateProducts(ids);
      }
    }
    return report;
  }
}
