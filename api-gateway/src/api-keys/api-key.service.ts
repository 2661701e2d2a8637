import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger';
import type { AuthenticatedApiKey } from '../common/http/request-context';
import { hashApiKey, isWellFormedKey } from './api-key-format';
import { ApiKeyRepository, ApiKeyRow } from './api-key.repository';

export type KeyVerdict = 'ok' | 'unknown' | 'revoked' | 'expired' | 'out-of-scope';

/** The decision on a looked-up key, separated from I/O so it is unit-testable. */
export function judgeKey(row: ApiKeyRow | null, scope: string, now: Date): KeyVerdict {
  if (!row) return 'unknown';
  if (row.revokedAt && row.revokedAt <= now) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  if (!row.scopes.includes(scope)) return 'out-of-scope';
  return 'ok';
}

/** last_used_at is written at most once per key per this many seconds (per process, and guarded in SQL). */
export const LAST_USED_RESOLUTION_SECONDS = 60;

@Injectable()
export class ApiKeyService {
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Verifies a presented key for a scope: missing, malformed, unknown, revoked or expired -> 401,
   * valid without the scope -> 403. One indexed lookup per request, so a revocation applies at once.
   */
  async verify(presented: string | undefined, scope: string): Promise<AuthenticatedApiKey> {
    if (!presented) throw new UnauthorizedException('Missing X-Api-Key');
    if (!isWellFormedKey(presented)) throw new UnauthorizedException('Invalid API key');
    const row = await this.keys.findByHash(hashApiKey(presented));
    const verdict = judgeKey(row, scope, new Date());
    if (verdict !== 'ok') {
      this.logger.warn({ apiKeyId: row?.id ?? null, apiKeyPrefix: row?.prefix ?? null, scope, verdict }, 'API key refused');
      if (verdict === 'out-of-scope') throw new ForbiddenException(`API key lacks scope ${scope}`);
      throw new UnauthorizedException(verdict === 'unknown' ? 'Invalid API key' : `API key ${verdict}`);
    }
    this.touchLater(row!.id);
    return { id: row!.id, prefix: row!.prefix, scopes: row!.scopes };
  }

  /** Fire-and-forget, at most once a minute per key: a busy service key costs no row write per request. */
  private touchLater(id: number): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < LAST_USED_RESOLUTION_SECONDS * 1000) return;
    this.lastTouched.set(id, now);
    this.keys.touch(id, LAST_USED_RESOLUTION_SECONDS).catch((err: Error) => {
      this.lastTouched.delete(id);
      this.logger.warn({ apiKeyId: id, err: err.message }, 'API key last_used_at update failed');
    });
  }
}
