import { VerifiedTokenCache } from './verified-token.cache';

describe('VerifiedTokenCache', () => {
  const keyA = { name: 'a' };
  const keyB = { name: 'b' };
  const keys = new Map([['kid-a', keyA]]);
  const keyFor = (kid: string) => keys.get(kid);
  const fresh = () => new VerifiedTokenCache<object, { exp: number; sub: string }>(3, 5);

  it('answers a token it holds, frozen, while its key is unchanged', () => {
    const cache = fresh();
    cache.set('t1', 'kid-a', keyA, { exp: 1_000, sub: '7' });
    const claims = cache.get('t1', 900, keyFor);
    expect(claims).toEqual({ exp: 1_000, sub: '7' });
    expect(Object.isFrozen(claims)).toBe(true);
    expect(cache.get('t2', 900, keyFor)).toBeUndefined();
  });

  it('expires an entry at exp plus the clock tolerance, like the verifier', () => {
    const cache = fresh();
    cache.set('t1', 'kid-a', keyA, { exp: 1_000, sub: '7' });
    expect(cache.get('t1', 1_004.9, keyFor)).toBeDefined();
    expect(cache.get('t1', 1_005, keyFor)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('misses once the kid names another key or none', () => {
    const cache = fresh();
    cache.set('t1', 'kid-a', keyA, { exp: 1_000, sub: '7' });
    expect(cache.get('t1', 900, () => keyB)).toBeUndefined();
    cache.set('t1', 'kid-a', keyA, { exp: 1_000, sub: '7' });
    expect(cache.get('t1', 900, () => undefined)).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const cache = fresh();
    for (const t of ['t1', 't2', 't3', 't4']) cache.set(t, 'kid-a', keyA, { exp: 1_000, sub: t });
    expect(cache.size).toBe(3);
    expect(cache.get('t1', 900, keyFor)).toBeUndefined();
    expect(cache.get('t4', 900, keyFor)?.sub).toBe('t4');
  });
});
