import { accessTokenFrom, carriesAuthCookie, readCookie } from './request-token';

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; access_token=x.y.z; refresh_token=0.abc', 'access_token')).toBe('x.y.z');
    expect(readCookie('xaccess_token=1', 'access_token')).toBeUndefined();
    expect(readCookie(undefined, 'access_token')).toBeUndefined();
    expect(readCookie('access_token=', 'access_token')).toBeUndefined();
    expect(readCookie('access_token=%E0%A4%A', 'access_token')).toBeUndefined();
  });
});

describe('accessTokenFrom', () => {
  it('prefers Bearer, falls back to the cookie, never falls back from a malformed header', () => {
    expect(accessTokenFrom({ authorization: 'Bearer a.b.c', cookie: 'access_token=d.e.f' })).toEqual({ via: 'bearer', token: 'a.b.c' });
    expect(accessTokenFrom({ cookie: 'access_token=d.e.f' })).toEqual({ via: 'cookie', token: 'd.e.f' });
    expect(accessTokenFrom({ authorization: 'Basic x', cookie: 'access_token=d.e.f' })).toEqual({ via: 'malformed' });
    expect(accessTokenFrom({})).toEqual({ via: 'none' });
  });
  it('tells whether a request carries our cookies', () => {
    expect(carriesAuthCookie({ cookie: 'refresh_token=0.x' })).toBe(true);
    expect(carriesAuthCookie({ cookie: 'theme=dark' })).toBe(false);
  });
});
