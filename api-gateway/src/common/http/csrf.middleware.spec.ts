import { csrfOriginCheck, requestOrigin } from './csrf.middleware';

const check = csrfOriginCheck(['http://localhost:8080'], (h) => Boolean(h.cookie));
function run(method: string, headers: Record<string, string>): number {
  let status = 0;
  const res = {
    headersSent: false,
    status: (s: number) => {
      status = s;
      return { json: () => undefined };
    },
  };
  check({ method, headers, id: 'r', url: '/x' } as never, res as never, () => {
    status = 200;
  });
  return status;
}

describe('csrfOriginCheck', () => {
  it('lets safe methods, Bearer requests and cookie-less requests through', () => {
    expect(run('GET', { cookie: 'access_token=a' })).toBe(200);
    expect(run('POST', { cookie: 'access_token=a', authorization: 'Bearer a.b.c' })).toBe(200);
    expect(run('POST', {})).toBe(200);
  });
  it('requires the platform origin for cookie-authenticated state changes', () => {
    expect(run('POST', { cookie: 'access_token=a', origin: 'http://localhost:8080' })).toBe(200);
    expect(run('DELETE', { cookie: 'access_token=a', referer: 'http://localhost:8080/admin/x' })).toBe(200);
    expect(run('POST', { cookie: 'access_token=a', origin: 'http://evil.example' })).toBe(403);
    expect(run('PUT', { cookie: 'access_token=a' })).toBe(403);
    expect(run('POST', { cookie: 'access_token=a', origin: 'null', referer: 'http://localhost:8080.evil.example/' })).toBe(403);
  });
  it('reads the origin from Origin, else Referer', () => {
    expect(requestOrigin({ referer: 'http://LOCALHOST:8080/p?q' })).toBe('http://localhost:8080');
    expect(requestOrigin({ referer: 'not a url' })).toBeUndefined();
  });
});
