/**
 * Opaque keyset cursor: base64url(JSON {s: sort, k: sortKey, i: lastId, p?: point-in-time id}).
 * `p` is set by the Elasticsearch backend once deep paging runs inside a point in time.
 */
export interface CursorData {
  s: string;
  k: string | number;
  i: number;
  p?: string;
}

export function encodeCursor(c: CursorData): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

/** Returns undefined for anything that is not a cursor we produced. */
export function decodeCursor(raw: string): CursorData | undefined {
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(raw)) return undefined;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<CursorData>;
    if (!v || typeof v !== 'object') return undefined;
    if (typeof v.s !== 'string' || !Number.isSafeInteger(v.i) || (v.i as number) < 1) return undefined;
    if (typeof v.k !== 'string' && typeof v.k !== 'number') return undefined;
    if (typeof v.k === 'string' && v.k.length > 64) return undefined;
    if (v.p !== undefined && (typeof v.p !== 'string' || !/^[A-Za-z0-9+/=_-]{1,2048}$/.test(v.p))) return undefined;
    return v.p === undefined ? { s: v.s, k: v.k, i: v.i as number } : { s: v.s, k: v.k, i: v.i as number, p: v.p };
  } catch {
    return undefined;
  }
}
