import type { IncomingHttpHeaders } from 'http';

export const ACCESS_COOKIE = 'access_token';
export const REFRESH_COOKIE = 'refresh_token';

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)\s*$/i.exec(header);
  return m?.[1];
}

/** Value of one cookie from a Cookie header (no decoding beyond URI escapes; our tokens are URL-safe). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export type TokenSource = { via: 'bearer' | 'cookie'; token: string } | { via: 'malformed' } | { via: 'none' };

/**
 * The access token of a request: `Authorization: Bearer` first, else the `access_token` cookie.
 * A present but malformed Authorization header is an error, never a fallback to the cookie.
 */
export function accessTokenFrom(headers: IncomingHttpHeaders): TokenSource {
  if (headers.authorization) {
    const token = bearerToken(headers.authorization);
    return token ? { via: 'bearer', token } : { via: 'malformed' };
  }
  const cookie = readCookie(headers.cookie, ACCESS_COOKIE);
  return cookie ? { via: 'cookie', token: cookie } : { via: 'none' };
}

/** True when the request may be authenticated by our cookies (the case CSRF checks guard). */
export function carriesAuthCookie(headers: IncomingHttpHeaders): boolean {
  return readCookie(headers.cookie, ACCESS_COOKIE) !== undefined || readCookie(headers.cookie, REFRESH_COOKIE) !== undefined;
}
