/** Anything that runs SQL: a TypeORM DataSource or EntityManager. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the driver's rows are untyped
}

/**
 * pg_current_wal_lsn() as a byte number: the version stamped on index documents (read before the
 * rows) and the position in read-your-writes tokens (read after a commit). See docs/search.md.
 */
export async function currentWalLsn(db: SqlRunner): Promise<number> {
  const [row] = (await db.query(`SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint::text AS lsn`)) as Array<{ lsn: string }>;
  return Number(row.lsn);
}
