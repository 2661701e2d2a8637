import { decodeCursor, encodeCursor } from './cursor';

describe('cursor with a point-in-time id', () => {
  const pit =
    'gcSHBAEJcHJvZHVjdHMtdjIwMjYxMTMwMDExNDQxOTEyFnhYQ0p5QnpRU0tlV2VfYzVWUFZzT1EAFlZJeEhRT1JVUlVPb0w1U3NLc0hJb2cAAAAAAAAAAAwWQ3NzU0lIRVBTMUdSbXF5WTBhd3hNUQABFnhYQ0p5QnpRU0tlV2VfYzVWUFZzT1EAAA==';

  it('round-trips the PIT id of an Elasticsearch cursor', () => {
    const c = { s: 'price_asc', k: 12.5, i: 42, p: pit };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('keeps cursors without a PIT as they were', () => {
    expect(decodeCursor(encodeCursor({ s: 'newest', k: 1, i: 2 }))).toEqual({ s: 'newest', k: 1, i: 2 });
  });

  it('rejects a PIT id that is not a string of id characters', () => {
    for (const p of [42, '', 'a b', 'x'.repeat(3000), '<script>']) {
      expect(decodeCursor(Buffer.from(JSON.stringify({ s: 'newest', k: 1, i: 2, p })).toString('base64url'))).toBeUndefined();
    }
  });
});

describe('cursor round trip and tampering', () => {
  it('round-trips', () => {
    const c = { s: 'price_asc', k: '19.99', i: 42 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });
  it('rejects tampered cursors', () => {
    expect(decodeCursor(Buffer.from('{"s":"x","k":1,"i":-1}').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('[]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor('%%%')).toBeUndefined();
  });
});
