import type { EntityManager } from 'typeorm';

/** A SQL statement that runs as a named prepared statement (one name per text, process-wide). */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const registered = new Map<string, string>();

/** Declares a statement once, at module load; a second text under the same name is a programming error. */
export function preparedStatement(name: string, text: string): PreparedStatement {
  const earlier = registered.get(name);
  if (earlier !== undefined && earlier !== text) throw new Error(`prepared statement "${name}" declared twice with different SQL`);
  registered.set(name, text);
  return Object.freeze({ name, text });
}

/**
 * Runs the statement through TypeORM's own query path (its pool or the manager's transaction, its
 * QueryFailedError) as a named prepared statement. node-postgres sends a plain query string as an
 * unnamed statement, which PostgreSQL parses and plans on every call; a named one is parsed once per
 * pooled connection and its plan reused (a generic plan after five executions). For the order flow's
 * large statements planning was ~40 % of PostgreSQL's time per order (docs/scaling.md, "Orders").
 * Behind a transaction-mode connection pooler, that pooler must support protocol-level prepared
 * statements (PgBouncer 1.21+, max_prepared_statements).
 */
export function preparedQuery<T = unknown>(manager: EntityManager, statement: PreparedStatement, params: readonly unknown[]): Promise<T> {
  // TypeORM passes its query argument to node-postgres unchanged, and pg takes a {name, text} config
  return manager.query(statement as unknown as string, params as unknown[]);
}
