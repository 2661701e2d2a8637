<?php

namespace App\Services\Auth;

use Illuminate\Redis\Connections\Connection;
use Illuminate\Support\Facades\Log;
use Throwable;

/**
 * Announces "every session of this user is revoked" on the gateway's Redis pub/sub channel
 * `<REDIS_KEY_PREFIX>auth:revocations`, with the gateway's own message (`{"userId":"<id>"}`, see
 * api-gateway/src/auth/revocation.service.ts userRevoked()). Every gateway process then drops the
 * user's live Socket.IO connections at once instead of at its next re-check (SOCKET_REVALIDATE_SECONDS).
 * The tokens themselves are already dead through users.token_version / is_disabled: if Redis is
 * away the change stands and the sockets are left to the re-check (logged, not thrown).
 */
class RevocationAnnouncer
{
    public const CHANNEL = 'auth:revocations';

    public function __construct(private readonly Connection $redis, private readonly string $keyPrefix = '')
    {
    }

    public function channel(): string
    {
        return $this->keyPrefix.self::CHANNEL;
    }

    public function userRevoked(int|string $userId): void
    {
        try {
            $this->redis->command('publish', [$this->channel(), json_encode(['userId' => (string) $userId])]);
        } catch (Throwable $e) {
            Log::warning('revocation not announced: the gateway drops the sockets at its next re-check', ['userId' => $userId, 'error' => $e->getMessage()]);
        }
    }
}
