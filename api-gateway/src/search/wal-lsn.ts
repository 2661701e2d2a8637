/** Anything that runs SQL: a TypeORM DataSource or EntityManager. */
export interface SqlRunner {
  /** Rows as the driver returns them: callers state their shape. */
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * pg_current_wal_lsn() as a byte number: the version stamped on index documents (read before the
 * rows) and the position in read-your-writes tokens (read after a commit). See docs/search.md.
 */
export async function currentWalLsn(db: SqlRunner): Promise<number> {
  const [row] = (await db.query(`SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint::text AS lsn`)) as Array<{ lsn: string }>;
  return Number(row.lsn);
}
