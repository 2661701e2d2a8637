import { createHash } from 'crypto';

/** Header a service sends its key in (Express lower-cases header names). */
export const API_KEY_HEADER = 'x-api-key';

/** Route metadata set by @ServiceRoute(scope). */
export const SERVICE_SCOPE = 'api-keys:scope';

/** Scopes a key may hold (the api_keys_scopes_check constraint lists the same values). */
export const API_KEY_SCOPES = ['ops:read', 'ops:write', 'search:reindex'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A key is "cpk_" + 40 base64url characters; anything else is refused before any lookup. */
const KEY_PATTERN = /^cpk_[A-Za-z0-9_-]{40}$/;
export const PREFIX_LENGTH = 12;

export function isWellFormedKey(key: string | undefined): key is string {
  return typeof key === 'string' && KEY_PATTERN.test(key);
}

/** What api_keys.key_hash holds: sha256 hex of the whole key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What api_keys.prefix holds and logs show: the first 12 characters. */
export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}
