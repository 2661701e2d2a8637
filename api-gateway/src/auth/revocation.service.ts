import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../common/redis/redis.module';
import { AppConfig } from '../config/app-config';

export const REVOCATIONS_CHANNEL = 'auth:revocations';

/** A revocation announced on the channel: one access token, a whole session, or every session of a user. */
export interface Revoked {
  jti?: string;
  sid?: string;
  userId?: number | string;
}

/** Accepted clock skew on exp/nbf/iat; a denylist entry outlives its token by this much. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Redis denylists (same keys the admin's PHP guard reads):
 * - `auth:revoked:<jti>`: one access token, TTL = its remaining lifetime;
 * - `auth:revoked-sid:<sid>`: every access token of a session (refresh family), TTL = the access-token
 *   lifetime, after which no token issued before the revocation can still be valid.
 */
@Injectable()
export class RevocationService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  static key(jti: string): string {
    return `auth:revoked:${jti}`;
  }

  static sessionKey(sid: string): string {
    return `auth:revoked-sid:${sid}`;
  }

  /** Pub/sub channel announcing revocations, so every gateway process drops the live sockets at once. */
  get channel(): string {
    return `${this.config.env.REDIS_KEY_PREFIX}${REVOCATIONS_CHANNEL}`;
  }

  async revoke(jti: string, exp: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(exp - Date.now() / 1000) + CLOCK_TOLERANCE_SECONDS);
    await this.redis.set(RevocationService.key(jti), '1', 'EX', ttl);
    await this.announce({ jti });
  }

  async revokeSession(sid: string): Promise<void> {
    await this.redis.set(RevocationService.sessionKey(sid), '1', 'EX', this.config.env.JWT_ACCESS_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS);
    await this.announce({ sid });
  }

  /**
   * After a token_version bump or disabling (done in SQL by whoever changes the user): drops the
   * user's live sockets at once instead of at the next re-check. The tokens themselves are already
   * dead through users.token_version / is_disabled.
   */
  async userRevoked(userId: number | string): Promise<void> {
    await this.announce({ userId: String(userId) });
  }

  private async announce(message: Revoked): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(message));
  }

  /** One round trip for both denylists. */
  async isRevoked(jti: string, sid?: string): Promise<boolean> {
    const keys = sid ? [RevocationService.key(jti), RevocationService.sessionKey(sid)] : [RevocationService.key(jti)];
    return (await this.redis.exists(...keys)) > 0;
  }
}
