import { Injectable, UnauthorizedException } from '@nestjs/common';
import { type KeyObject, randomUUID } from 'crypto';
import { errors as joseErrors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config';
import { KeyStoreService } from './key-store.service';
import { CLOCK_TOLERANCE_SECONDS } from './revocation.service';
import { VerifiedTokenCache } from './verified-token.cache';

/** ~1.5 KB an entry (the token and its claims): 15 MB at most. */
const VERIFIED_TOKENS_MAX = 10_000;

export interface AccessClaims extends JWTPayload {
  sub: string;
  role: 'customer' | 'admin';
  jti: string;
  exp: number;
  tv: number;
  sid?: string;
}

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
}

/** Signs and cryptographically verifies RS256 access tokens (no revocation checks here). */
@Injectable()
export class TokenService {
  private readonly verified = new VerifiedTokenCache<KeyObject, AccessClaims>(VERIFIED_TOKENS_MAX, CLOCK_TOLERANCE_SECONDS);

  constructor(
    private readonly config: AppConfig,
    private readonly keys: KeyStoreService,
  ) {}

  async signAccess(
    user: { id: number | string; role: 'customer' | 'admin'; tokenVersion: number },
    sid?: string,
  ): Promise<IssuedAccessToken> {
    const key = this.keys.signingKey();
    const jti = randomUUID();
    const ttl = this.config.env.JWT_ACCESS_TTL_SECONDS;
    const claims: Record<string, unknown> = { role: user.role, tv: user.tokenVersion };
    if (sid) claims.sid = sid;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setSubject(String(user.id))
      .setJti(jti)
      .setIssuer(this.config.env.JWT_ISSUER)
      .setAudience(this.config.env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(key.privateKey!);
    return { token, jti, expiresIn: ttl };
  }

  /** Throws UnauthorizedException for any defect: alg other than RS256, unknown kid, bad signature, expiry, iss/aud, claims. */
  async verifyAccess(token: string): Promise<Readonly<AccessClaims>> {
    const cached = this.verified.get(token, Date.now() / 1000, (kid) => this.keys.verificationKey(kid));
    if (cached) return cached;
    try {
      let verifiedBy: { kid: string; key: KeyObject } | undefined;
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new Error('unsupported header');
          const key = this.keys.verificationKey(header.kid);
          if (!key) throw new Error('unknown kid');
          verifiedBy = { kid: header.kid, key };
          return key;
        },
        {
          algorithms: ['RS256'],
          issuer: this.config.env.JWT_ISSUER,
          audience: this.config.env.JWT_AUDIENCE,
          requiredClaims: ['sub', 'jti', 'exp', 'iat', 'role', 'tv'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        },
      );
      // jose accepts an iat in the future; a token cannot have been issued after now
      if (typeof payload.iat !== 'number' || payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
        throw new Error('iat in the future');
      if (!/^\d+$/.test(String(payload.sub)) || !['customer', 'admin'].includes(String(payload.role)) || typeof payload.tv !== 'number') {
        throw new Error('bad claims');
      }
      const claims = payload as AccessClaims;
      this.verified.set(token, verifiedBy!.kid, verifiedBy!.key, claims);
      return claims;
    } catch (err) {
      const reason = err instanceof joseErrors.JWTExpired ? 'Access token expired' : 'Invalid access token';
      throw new UnauthorizedException(reason);
    }
  }
}
