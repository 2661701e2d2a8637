import { makeRefreshToken, refreshTokenVersion, sha256Hex } from './refresh-token.service';

describe('refresh token format', () => {
  it('embeds the token_version and 256 random bits', () => {
    const t = makeRefreshToken(7);
    expect(t).toMatch(/^7\.[A-Za-z0-9_-]{43}$/);
    expect(refreshTokenVersion(t)).toBe(7);
    expect(makeRefreshToken(7)).not.toBe(t);
  });
  it('rejects malformed tokens', () => {
    for (const bad of ['', 'abc', '7.short', 'x.' + 'a'.repeat(43), '-1.' + 'a'.repeat(43)])
      expect(refreshTokenVersion(bad)).toBeUndefined();
  });
  it('hashes as sha256 hex (char(64))', () => expect(sha256Hex('x')).toMatch(/^[0-9a-f]{64}$/));
});
