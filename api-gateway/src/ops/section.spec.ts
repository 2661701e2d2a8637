import { section, withTimeout } from './section';

describe('ops sections', () => {
  it('wraps a result as ok', async () => {
    await expect(section('x', 100, async () => ({ n: 1 }))).resolves.toEqual({ status: 'ok', n: 1 });
  });
  it('turns a failure into unavailable with the reason (and the network cause code)', async () => {
    await expect(
      section('x', 100, async () => {
        throw new Error('boom');
      }),
    ).resolves.toEqual({ status: 'unavailable', reason: 'boom' });
    const err = Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    await expect(
      section('x', 100, async () => {
        throw err;
      }),
    ).resolves.toEqual({ status: 'unavailable', reason: 'fetch failed (ECONNREFUSED)' });
  });
  it('gives up on a source that does not answer in time', async () => {
    const t0 = Date.now();
    const r = await section('the indexer', 50, () => new Promise<{ n: number }>(() => undefined));
    expect(r).toEqual({ status: 'unavailable', reason: 'the indexer did not answer within 50 ms' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('withTimeout passes a fast result through', async () => {
    await expect(withTimeout(Promise.resolve(3), 50, 'x')).resolves.toBe(3);
  });
});
