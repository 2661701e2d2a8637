import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import type { ErrorDetail } from './error-body';

export interface MappedDbError {
  status: number;
  message: string;
  details?: ErrorDetail[];
}

interface PgErrorLike {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

const toCamel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Extracts the column of "Key (sku)=(X) already exists." / "Key (lower((email)::text))=..." / "Key (category_id)=...". */
export function fieldFromDetail(detail?: string): string | undefined {
  if (!detail) return undefined;
  const m = /Key \((.+?)\)=\(/.exec(detail);
  if (!m) return undefined;
  const cols = m[1]
    .match(/[a-z_][a-z0-9_]*/gi)
    ?.filter((w) => !['lower', 'text', 'varchar', 'character', 'varying', 'upper'].includes(w.toLowerCase()));
  return cols && cols.length ? toCamel(cols[cols.length - 1]) : undefined;
}

/** Constraint names such as products_price_check / chk_inventory_reserved -> a best-effort field. */
export function fieldFromConstraint(constraint?: string, column?: string): string {
  if (column) return toCamel(column);
  if (!constraint) return 'unknown';
  const parts = constraint
    .replace(/^(chk|ck|uq|fk)_/, '')
    .replace(/_(check|key|fkey|pkey|unique|idx)$/, '')
    .split('_');
  return toCamel(parts.slice(1).join('_') || parts[0]);
}

/** Maps PostgreSQL errors to HTTP without leaking SQL; returns undefined for non-mapped errors. */
export function mapDbError(err: unknown): MappedDbError | undefined {
  const e = ((err as { driverError?: PgErrorLike })?.driverError ?? err) as PgErrorLike;
  switch (e?.code) {
    case '23505': {
      const field = fieldFromDetail(e.detail) ?? fieldFromConstraint(e.constraint);
      return { status: 409, message: `${field} already exists`, details: [{ field, message: `${field} must be unique` }] };
    }
    case '23503': {
      const field = fieldFromDetail(e.detail) ?? fieldFromConstraint(e.constraint);
      return {
        status: 422,
        message: `${field} references a missing or still-referenced record`,
        details: [{ field, message: 'referenced record does not exist or is in use' }],
      };
    }
    case '23514': {
      const field = fieldFromConstraint(e.constraint, e.column);
      return {
        status: 422,
        message: `${field} violates a constraint`,
        details: [{ field, message: `check constraint ${e.constraint ?? ''} violated`.trim() }],
      };
    }
    case '23502': {
      const field = e.column ? toCamel(e.column) : 'unknown';
      return { status: 422, message: `${field} is required`, details: [{ field, message: 'must not be null' }] };
    }
    case '22P02':
    case '22003':
    case '22001':
      return { status: 422, message: 'A value has an invalid format or is out of range' };
    case '40001':
    case '40P01':
      return { status: 409, message: 'Concurrent update conflict, retry the request' };
    default:
      return undefined;
  }
}

/** Seconds a client should wait when the database is unreachable (a restart takes a few seconds). */
export const DB_RETRY_AFTER_S = 5;

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * True for "the database is not reachable right now" (refused, reset, shutting down, starting up,
 * pool timeout): a 503 with Retry-After, never a 500, since the request may well succeed shortly.
 */
export function isDbUnavailable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string; message?: string }; message?: string } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  if (code && CONNECTION_CODES.has(code)) return true;
  // TypeORM's answer to a query on a connection the pool already dropped (the server went away mid-transaction)
  if (err instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const message = e?.driverError?.message ?? e?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|connect ECONNREFUSED/.test(
    message,
  );
}
