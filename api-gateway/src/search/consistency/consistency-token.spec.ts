import { formatToken, parseToken } from './consistency-token';

describe('consistency token', () => {
  it('round-trips', () => {
    expect(parseToken(formatToken({ productId: 42, lsn: 123456789 }))).toEqual({ productId: 42, lsn: 123456789 });
  });
  it.each(['', 'abc', '42', '42.', '.5', '0.5', '1.2.3', '1.-2', 'x'.repeat(100)])('rejects %p', (raw) => {
    expect(parseToken(raw)).toBeUndefined();
  });
});
