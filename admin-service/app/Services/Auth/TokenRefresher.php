<?php

namespace App\Services\Auth;

use App\Services\Gateway\GatewayAuthClient;
use App\Services\Jwt\Base64Url;
use App\Services\Jwt\InvalidToken;
use Illuminate\Contracts\Encryption\Encrypter;
use Illuminate\Redis\Connections\Connection;

/**
 * Exchanges the refresh token for a new pair at the gateway. Refresh tokens rotate and a reused one
 * revokes the whole family, so concurrent requests of one browser (several tabs, assets) must not
 * all spend the same token: the first takes a Redis lock and shares the new pair (encrypted, 30 s)
 * with the others.
 */
class TokenRefresher
{
    private const LOCK_SECONDS = 10;
    private const SHARE_SECONDS = 30;
    private const WAIT_MICROSECONDS = 5_000_000;

    public function __construct(
        private readonly GatewayAuthClient $gateway,
        private readonly Connection $redis,
        private readonly Encrypter $encrypter,
    ) {
    }

    /** True when there is no access token or it expires within $marginSeconds (the signature is checked later by the guard). */
    public static function isDue(?string $accessToken, int $marginSeconds = 30): bool
    {
        if ($accessToken === null || $accessToken === '') {
            return true;
        }
        try {
            $parts = explode('.', $accessToken);
            $payload = json_decode(Base64Url::decode($parts[1] ?? ''), true);
        } catch (InvalidToken) {
            return false; // garbage is refused by the guard, not papered over by a refresh
        }

        return is_array($payload) && is_int($payload['exp'] ?? null) && $payload['exp'] - $marginSeconds <= time();
    }

    /** @return array{accessToken: string, refreshToken: string, expiresIn: int, refreshExpiresIn: ?int}|null null when the session is over */
    public function refresh(string $refreshToken, string $clientIp): ?array
    {
        $key = 'admin:token-refresh:'.hash('sha256', $refreshToken);
        if (! $this->redis->set("$key:lock", '1', 'EX', self::LOCK_SECONDS, 'NX')) {
            return $this->awaitSharedPair($key);
        }
        $response = $this->gateway->refresh($refreshToken, $clientIp);
        if (! $response->ok() || ! is_string($response->body['accessToken'] ?? null)) {
            $this->redis->setex("$key:pair", self::SHARE_SECONDS, $this->encrypter->encrypt(null));

            return null;
        }
        $pair = [
            'accessToken' => $response->body['accessToken'],
            'refreshToken' => $response->body['refreshToken'],
            'expiresIn' => (int) $response->body['expiresIn'],
            'refreshExpiresIn' => isset($response->body['refreshExpiresIn']) ? (int) $response->body['refreshExpiresIn'] : null,
        ];
        $this->redis->setex("$key:pair", self::SHARE_SECONDS, $this->encrypter->encrypt($pair));

        return $pair;
    }

    private function awaitSharedPair(string $key): ?array
    {
        for ($waited = 0; $waited < self::WAIT_MICROSECONDS; $waited += 50_000) {
            $shared = $this->redis->get("$key:pair");
            if (is_string($shared)) {
                return $this->encrypter->decrypt($shared);
            }
            usleep(50_000);
        }

        return null;
    }
}
