<?php

namespace App\Services\Auth;

use Illuminate\Redis\Connections\Connection;

/**
 * The gateway's Redis denylists: auth:revoked:<jti> (one access token) and auth:revoked-sid:<sid>
 * (every access token of a refresh family). Written by the gateway on logout; read here per request.
 */
class RevocationList
{
    public function __construct(private readonly Connection $redis, private readonly string $keyPrefix = '')
    {
    }

    public function isRevoked(string $jti, ?string $sid): bool
    {
        $keys = [$this->keyPrefix.'auth:revoked:'.$jti];
        if ($sid !== null) {
            $keys[] = $this->keyPrefix.'auth:revoked-sid:'.$sid;
        }

        return (int) $this->redis->command('exists', $keys) > 0;
    }
}
