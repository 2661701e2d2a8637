/**
 * Runs `deleteBatch(batchSize)` until a batch deletes fewer than `batchSize` rows (nothing more to
 * delete) or `signal` is aborted (checked between batches); returns the total deleted.
 */
export async function deleteInBatches(
  deleteBatch: (limit: number) => Promise<number>,
  batchSize: number,
  signal?: AbortSignal,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(batchSize);
    total += deleted;
    if (deleted < batchSize || signal?.aborted) return total;
  }
}
