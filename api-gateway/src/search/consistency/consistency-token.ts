/**
 * Read-your-writes token: "<productId>.<lsn>", lsn = pg_current_wal_lsn() (as a byte number) read
 * right after the write committed. The index has applied the write when the product's document
 * carries indexedLsn >= lsn (the indexer stamps every document with the LSN it read at).
 * The Laravel admin builds the same token with
 *   SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint
 * after its commit.
 */
export interface ConsistencyToken {
  productId: number;
  lsn: number;
}

export function formatToken(t: ConsistencyToken): string {
  return `${t.productId}.${t.lsn}`;
}

export function parseToken(raw: unknown): ConsistencyToken | undefined {
  if (typeof raw !== 'string' || !/^\d{1,18}\.\d{1,18}$/.test(raw)) return undefined;
  const [p, l] = raw.split('.').map(Number);
  if (!Number.isSafeInteger(p) || !Number.isSafeInteger(l) || p < 1) return undefined;
  return { productId: p, lsn: l };
}
