/** Added by ExtractNewRecordState (connectors/catalog-postgres.json: add.fields op,lsn,source.ts_ms,table). */
export interface CdcEvent {
  topic: string;
  partition: number;
  offset: string;
  table: string;
  op: 'c' | 'u' | 'd' | 'r';
  lsn: number;
  sourceTsMs: number;
  deleted: boolean;
  key: Record<string, unknown>;
  value: Record<string, unknown>;
}

/** A message that can never be processed: it goes to the dead-letter topic. */
export class PoisonMessageError extends Error {}

/** Debezium placeholder for unchanged TOASTed columns: must never reach the index. */
export const TOAST_PLACEHOLDER = '__debezium_unavailable_value';

function parseJsonObject(buf: Buffer, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.toString('utf8'));
  } catch (err) {
    throw new PoisonMessageError(`${what} is not JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new PoisonMessageError(`${what} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/**
 * Parses one Debezium message (JSON without schemas). Returns null for Kafka tombstones (the
 * null-value record that follows a rewritten delete: the delete itself was already handled).
 */
export function parseCdcMessage(
  topic: string,
  partition: number,
  offset: string,
  key: Buffer | null,
  value: Buffer | null,
): CdcEvent | null {
  if (value === null || value.length === 0) return null;
  const v = parseJsonObject(value, 'value');
  const k = key && key.length ? parseJsonObject(key, 'key') : {};
  const op = v.__op;
  if (op !== 'c' && op !== 'u' && op !== 'd' && op !== 'r')
    throw new PoisonMessageError(`__op is missing or unknown (${JSON.stringify(op)})`);
  const lsn = Number(v.__lsn);
  if (!Number.isSafeInteger(lsn) || lsn < 0) throw new PoisonMessageError('__lsn is missing or not a number');
  const sourceTsMs = Number(v.__source_ts_ms);
  if (!Number.isFinite(sourceTsMs)) throw new PoisonMessageError('__source_ts_ms is missing or not a number');
  const table = typeof v.__table === 'string' ? v.__table : (topic.split('.').pop() ?? '');
  const deleted = v.__deleted === true || v.__deleted === 'true' || op === 'd';
  return { topic, partition, offset, table, op, lsn, sourceTsMs, deleted, key: k, value: v };
}

/** Integer id from a key/value field (bigint ids arrive as numbers). */
export function idField(obj: Record<string, unknown>, name: string): number | undefined {
  const raw = obj[name];
  if (raw === undefined || raw === null || raw === TOAST_PLACEHOLDER) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
