import type { Request, Response } from 'express';
import type { IncomingHttpHeaders } from 'http';
import { ACCESS_COOKIE, carriesAuthCookie, REFRESH_COOKIE } from './request-token';

/** Request header by which a browser client asks for its tokens as HttpOnly cookies instead of in the body. */
export const COOKIE_REQUEST_HEADER = 'x-auth-cookies';

export function wantsCookies(headers: IncomingHttpHeaders): boolean {
  const v = headers[COOKIE_REQUEST_HEADER];
  return v === '1' || v === 'true';
}

/** A request the CSRF origin check applies to: it carries our cookies or asks for them. */
export const cookieAuthenticated = (headers: IncomingHttpHeaders): boolean => carriesAuthCookie(headers) || wantsCookies(headers);

function cookie(req: Request, name: string, value: string, maxAgeSeconds: number): string {
  // Secure only over TLS (req.secure honours X-Forwarded-Proto from a trusted proxy)
  const secure = req.secure ? '; Secure' : '';
  return `${name}=${value}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

/** Sets access_token / refresh_token as in CONTRACTS.md: HttpOnly, SameSite=Lax, Path=/, Max-Age = lifetime. */
export function setAuthCookies(
  req: Request,
  res: Response,
  t: { accessToken: string; expiresIn: number; refreshToken: string; refreshExpiresIn: number },
): void {
  res.append('Set-Cookie', cookie(req, ACCESS_COOKIE, t.accessToken, t.expiresIn));
  res.append('Set-Cookie', cookie(req, REFRESH_COOKIE, t.refreshToken, t.refreshExpiresIn));
}

export function clearAuthCookies(req: Request, res: Response): void {
  res.append('Set-Cookie', cookie(req, ACCESS_COOKIE, '', 0));
  res.append('Set-Cookie', cookie(req, REFRESH_COOKIE, '', 0));
}
