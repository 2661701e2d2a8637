import { randomBytes } from 'crypto';
import type { Client } from 'pg';
import { hashApiKey, keyPrefix } from '../../src/api-keys/api-key-format';

/** Inserts a key row the way the admin does (only the hash is stored) and returns the key string. */
export async function createApiKey(
  db: Client,
  opts: { scopes: string[]; expiresAt?: Date; revokedAt?: Date; name?: string },
): Promise<{ id: number; key: string; prefix: string }> {
  const key = `cpk_${randomBytes(30).toString('base64url')}`;
  const { rows } = await db.query(
    `INSERT INTO api_keys (name, key_hash, prefix, scopes, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [opts.name ?? 'e2e', hashApiKey(key), keyPrefix(key), opts.scopes, opts.expiresAt ?? null, opts.revokedAt ?? null],
  );
  return { id: Number(rows[0].id), key, prefix: keyPrefix(key) };
}
