import { deleteInBatches } from './delete-in-batches';

/** A deleteBatch over `rows` rows that records each limit it was called with. */
function table(rows: number) {
  const limits: number[] = [];
  let left = rows;
  const deleteBatch = async (limit: number) => {
    limits.push(limit);
    const n = Math.min(limit, left);
    left -= n;
    return n;
  };
  return { deleteBatch, limits, left: () => left };
}

describe('deleteInBatches', () => {
  it('deletes batch after batch until one comes back short', async () => {
    const t = table(12);
    await expect(deleteInBatches(t.deleteBatch, 5)).resolves.toBe(12);
    expect(t.limits).toEqual([5, 5, 5]);
    expect(t.left()).toBe(0);
  });

  it('needs one empty batch to stop on an exact multiple of the batch size', async () => {
    const t = table(10);
    await expect(deleteInBatches(t.deleteBatch, 5)).resolves.toBe(10);
    expect(t.limits).toEqual([5, 5, 5]);
  });

  it('runs a single statement when there is nothing to delete', async () => {
    const t = table(0);
    await expect(deleteInBatches(t.deleteBatch, 5)).resolves.toBe(0);
    expect(t.limits).toEqual([5]);
  });

  it('stops between batches once aborted', async () => {
    const t = table(100);
    const stop = new AbortController();
    const deleteBatch = async (limit: number) => {
      const n = await t.deleteBatch(limit);
      if (t.limits.length === 2) stop.abort();
      return n;
    };
    await expect(deleteInBatches(deleteBatch, 5, stop.signal)).resolves.toBe(10);
    expect(t.left()).toBe(90);
  });

  it('rejects with the failing batch error', async () => {
    await expect(deleteInBatches(() => Promise.reject(new Error('connection lost')), 5)).rejects.toThrow('connection lost');
  });
});
