import type { SearchClient } from '../es/es-client';

export interface VersionedDocument {
  id: number;
  indexedLsn: number;
}

export interface BulkItemResult {
  index?: { _index: string; _id: string; status: number; error?: { type: string; reason?: string } };
}

export interface BulkOutcome {
  written: number;
  /** Already newer in the index (external version conflict): correct, nothing to do. */
  stale: number;
  /** Transient (429/5xx, target index gone): the whole batch must be retried. */
  retryable: Array<{ id: string; index: string; reason: string }>;
  /** Rejected for good (mapping errors...): these ids go to the dead-letter topic. */
  rejected: Array<{ id: string; index: string; reason: string }>;
}

/** NDJSON body: one index action per (target index, document) with the LSN as external version. */
export function buildBulkBody(indices: string[], docs: VersionedDocument[]): unknown[] {
  const body: unknown[] = [];
  for (const index of indices) {
    for (const doc of docs) {
      body.push({ index: { _index: index, _id: String(doc.id), version: doc.indexedLsn, version_type: 'external_gte' } });
      body.push(doc);
    }
  }
  return body;
}

/** Classifies every per-item result of a _bulk response. */
export function classifyBulkItems(items: BulkItemResult[]): BulkOutcome {
  const out: BulkOutcome = { written: 0, stale: 0, retryable: [], rejected: [] };
  for (const item of items) {
    const r = item.index;
    if (!r) continue;
    if (!r.error) {
      out.written++;
      continue;
    }
    const failure = { id: r._id, index: r._index, reason: `${r.error.type}: ${r.error.reason ?? ''}` };
    if (r.status === 409 && r.error.type === 'version_conflict_engine_exception') out.stale++;
    // 429/5xx are transient; index_not_found = the target was just dropped by a reindex swap:
    // retrying re-resolves the write alias, so neither is the document's fault
    else if (r.status === 429 || r.status >= 500 || r.error.type === 'index_not_found_exception') out.retryable.push(failure);
    else out.rejected.push(failure);
  }
  return out;
}

/** One _bulk for all documents into every target index; per-item errors are classified, not ignored. */
export async function writeDocuments(
  es: SearchClient,
  indices: string[],
  docs: VersionedDocument[],
  refresh: boolean | 'wait_for' = false,
): Promise<BulkOutcome> {
  if (!docs.length || !indices.length) return { written: 0, stale: 0, retryable: [], rejected: [] };
  const res = await es.bulk({ operations: buildBulkBody(indices, docs), refresh } as never);
  return classifyBulkItems((res as unknown as { items: BulkItemResult[] }).items);
}
