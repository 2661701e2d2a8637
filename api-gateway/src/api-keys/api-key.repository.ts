import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ApiKeyRow {
  id: number;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** api_keys reads and the last_used_at write; keys themselves are created by the admin. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findByHash(keyHash: string): Promise<ApiKeyRow | null> {
    const rows: Array<{ id: string; prefix: string; scopes: string[]; expires_at: Date | null; revoked_at: Date | null }> =
      await this.db.query('SELECT id, prefix, scopes, expires_at, revoked_at FROM api_keys WHERE key_hash = $1', [keyHash]);
    const r = rows[0];
    return r ? { id: Number(r.id), prefix: r.prefix, scopes: r.scopes, expiresAt: r.expires_at, revokedAt: r.revoked_at } : null;
  }

  /** Sets last_used_at unless it was set less than `minAgeSeconds` ago (the guard makes the row write rare). */
  async touch(id: number, minAgeSeconds: number): Promise<void> {
    await this.db.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
      [id, minAgeSeconds],
    );
  }
}
