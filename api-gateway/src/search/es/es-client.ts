import { Client, errors } from '@elastic/elasticsearch';

/**
 * The one place that knows which search engine answers: Elasticsearch (the native node in
 * elasticsearch/ and the Compose image run the same version), spoken to by the official client.
 * Mappings use only names every stock Elasticsearch has (see elasticsearch/README.md).
 */
export type SearchClient = Client;
export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');

export function createSearchClient(url: string): SearchClient {
  return new Client({ node: url, requestTimeout: 30000, maxRetries: 2, compression: false });
}

export function isNotFound(err: unknown): boolean {
  return err instanceof errors.ResponseError && err.statusCode === 404;
}

export function isBadRequest(err: unknown): boolean {
  return err instanceof errors.ResponseError && err.statusCode === 400;
}

/** Readable one-liner for an ES error (type: reason), never the whole body. */
export function describeEsError(err: unknown): string {
  if (err instanceof errors.ResponseError) {
    const e = (err.body as { error?: { type?: string; reason?: string; root_cause?: Array<{ reason?: string }> } })?.error;
    return `${err.statusCode} ${e?.type ?? ''}: ${e?.root_cause?.[0]?.reason ?? e?.reason ?? err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** `hits.total` of a search answer as {value, relation} (a number when rest_total_hits_as_int; absent when not tracked). */
export function totalHits(total: number | { value: number; relation: string } | undefined): { value: number; relation: 'eq' | 'gte' } {
  if (typeof total === 'number') return { value: total, relation: 'eq' };
  return { value: total?.value ?? 0, relation: total?.relation === 'gte' ? 'gte' : 'eq' };
}
