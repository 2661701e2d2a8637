import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RevocationService } from './revocation.service';

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** Refresh tokens look like `<token_version>.<43 random base64url chars>`; the prefix ties them to users.token_version. */
export function makeRefreshToken(tokenVersion: number): string {
  return `${tokenVersion}.${randomBytes(32).toString('base64url')}`;
}

export function refreshTokenVersion(token: string): number | undefined {
  const m = /^(\d{1,9})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? Number(m[1]) : undefined;
}

export interface IssuedRefresh {
  token: string;
  id: string;
  familyId: string;
  expiresAt: Date;
}

export interface SpentRefresh {
  userId: string;
  familyId: string;
  spentId: string;
  tokenVersion: number;
  /** The family's absolute end, inherited by every successor. */
  expiresAt: Date;
}

/**
 * Opaque rotating refresh tokens. Only sha256(token) is stored. Each use atomically revokes the
 * presented token and issues a successor in the same family; presenting an already rotated or
 * revoked token is treated as theft and revokes the whole family. A family lives
 * JWT_REFRESH_TTL_SECONDS from its login: successors inherit the expiry, rotation never extends it.
 * Revoking a family also denylists its `sid`, so its access tokens die at once too.
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly revocations: RevocationService,
  ) {}

  async issue(userId: number | string, tokenVersion: number, familyId: string = randomUUID(), expiresAt?: Date): Promise<IssuedRefresh> {
    const token = makeRefreshToken(tokenVersion);
    const id = randomUUID();
    const [row]: Array<{ expires_at: Date }> = await this.db.query(
      `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, coalesce($6::timestamptz, now() + make_interval(secs => $5)))
       RETURNING expires_at`,
      [id, String(userId), familyId, sha256Hex(token), this.config.env.JWT_REFRESH_TTL_SECONDS, expiresAt ?? null],
    );
    return { token, id, familyId, expiresAt: new Date(row.expires_at) };
  }

  /**
   * Spends the presented token and returns its user and family; throws 401 on unknown, expired or
   * reused tokens. The caller checks the user (disabled, token_version) and then calls issue().
   */
  async rotate(token: string): Promise<SpentRefresh> {
    const tokenVersion = refreshTokenVersion(token);
    if (tokenVersion === undefined) throw new UnauthorizedException('Invalid or expired refresh token');
    const hash = sha256Hex(token);
    return this.db.transaction(async (tx) => {
      // TypeORM returns [rows, rowCount] for UPDATE ... RETURNING on postgres
      const [claimed]: [Array<{ id: string; user_id: string; family_id: string; expires_at: Date }>, number] = await tx.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, user_id, family_id, expires_at`,
        [hash],
      );
      if (!claimed.length) {
        const [existing]: Array<{ family_id: string; revoked_at: Date | null }> = await tx.query(
          'SELECT family_id, revoked_at FROM refresh_tokens WHERE token_hash = $1',
          [hash],
        );
        if (existing?.revoked_at) {
          // reuse of a rotated/revoked token: kill the whole family (committed even though we 401)
          await this.revokeFamily(existing.family_id);
          throw new UnauthorizedException('Refresh token reuse detected; session revoked');
        }
        throw new UnauthorizedException('Invalid or expired refresh token');
      }
      const row = claimed[0];
      return { userId: String(row.user_id), familyId: row.family_id, spentId: row.id, tokenVersion, expiresAt: new Date(row.expires_at) };
    });
  }

  /** Issues the successor of a spent token in the same family and links them. */
  async issueSuccessor(spent: SpentRefresh, tokenVersion: number): Promise<IssuedRefresh> {
    const next = await this.issue(spent.userId, tokenVersion, spent.familyId, spent.expiresAt);
    await this.db.query('UPDATE refresh_tokens SET replaced_by = $2 WHERE id = $1', [spent.spentId, next.id]);
    return next;
  }

  /** Revokes every refresh token of the family and denylists its access tokens (sid). */
  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
    await this.revocations.revokeSession(familyId);
  }

  /** Family of a refresh token (spent or not), for logout by refresh token; undefined if unknown. */
  async familyOf(token: string): Promise<{ familyId: string; userId: string } | undefined> {
    if (refreshTokenVersion(token) === undefined) return undefined;
    const [row]: Array<{ family_id: string; user_id: string }> = await this.db.query(
      'SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1',
      [sha256Hex(token)],
    );
    return row ? { familyId: row.family_id, userId: String(row.user_id) } : undefined;
  }
}
