import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

export interface IssuedRefresh {
  token: string;
  id: string;
  familyId: string;
}

/**
 * Opaque rotating refresh tokens. Only sha256(token) is stored. Each use atomically revokes the
 * presented token and issues a successor in the same family; presenting an already rotated or
 * revoked token is treated as theft and revokes the whole family.
 */
@Injectable()
export class RefreshTokenService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly config: AppConfig) {}

  async issue(userId: number | string, familyId = randomUUID()): Promise<IssuedRefresh> {
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, String(userId), familyId, sha256Hex(token), this.config.env.JWT_REFRESH_TTL_SECONDS],
    );
    return { token, id, familyId };
  }

  /** Returns the user id and the successor token; throws 401 on unknown, expired or reused tokens. */
  async rotate(token: string): Promise<{ userId: string; next: IssuedRefresh }> {
    const hash = sha256Hex(token);
    return this.db.transaction(async (tx) => {
      // TypeORM returns [rows, rowCount] for UPDATE ... RETURNING on postgres
      const [claimed]: [Array<{ id: string; user_id: string; family_id: string }>, number] = await tx.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, user_id, family_id`,
        [hash],
      );
      if (!claimed.length) {
        const [existing]: Array<{ family_id: string; revoked_at: Date | null }> = await tx.query(
          'SELECT family_id, revoked_at FROM refresh_tokens WHERE token_hash = $1',
          [hash],
        );
        if (existing?.revoked_at) {
          // reuse of a rotated/revoked token: kill the whole family (committed even though we 401)
          await this.db.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [existing.family_id]);
          throw new UnauthorizedException('Refresh token reuse detected; session revoked');
        }
        throw new UnauthorizedException('Invalid or expired refresh token');
      }
      const row = claimed[0];
      const nextToken = randomBytes(32).toString('base64url');
      const nextId = randomUUID();
      await tx.query(
        `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
        [nextId, row.user_id, row.family_id, sha256Hex(nextToken), this.config.env.JWT_REFRESH_TTL_SECONDS],
      );
      await tx.query('UPDATE refresh_tokens SET replaced_by = $2 WHERE id = $1', [row.id, nextId]);
      return { userId: String(row.user_id), next: { token: nextToken, id: nextId, familyId: row.family_id } };
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }
}
