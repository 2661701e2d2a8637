import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** password_resets (one outstanding token per lower-cased email) and the password change it leads to. */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new request replaces the previous token: only the latest link works. */
  async store(email: string, tokenHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO password_resets (email, token_hash, created_at) VALUES ($1, $2, now())
       ON CONFLICT (email) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
      [email, tokenHash],
    );
  }

  /**
   * In one transaction: spends the token (single use: the DELETE claims it, so two concurrent
   * resets cannot both succeed), sets the password, bumps token_version (every access and
   * refresh token dies) and revokes the refresh-token rows. Returns the user id, or null when
   * the token is wrong, expired or already used (nothing is changed then).
   */
  async resetPassword(email: string, tokenHash: string, ttlMinutes: number, passwordHash: string): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const [claimed]: [Array<{ email: string }>, number] = await tx.query(
        `DELETE FROM password_resets WHERE email = $1 AND token_hash = $2 AND created_at > now() - make_interval(mins => $3) RETURNING email`,
        [email, tokenHash, ttlMinutes],
      );
      if (!claimed.length) return null;
      const [users]: [Array<{ id: string }>, number] = await tx.query(
        `UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE lower(email) = $1 RETURNING id`,
        [email, passwordHash],
      );
      if (!users.length) return null;
      await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [users[0].id]);
      return Number(users[0].id);
    });
  }
}
