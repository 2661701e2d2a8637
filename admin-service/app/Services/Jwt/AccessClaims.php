<?php

namespace App\Services\Jwt;

/** The verified claims of a gateway access token (docs/api.md, "How other services verify tokens"). */
final class AccessClaims
{
    public function __construct(
        public readonly int $userId,
        public readonly string $role,
        public readonly int $tokenVersion,
        public readonly string $jti,
        public readonly ?string $sid,
        public readonly int $expiresAt,
    ) {
    }

    /** @param array<string, mixed> $payload */
    public static function fromPayload(array $payload): self
    {
        $sub = $payload['sub'] ?? null;
        if (! is_string($sub) || ! preg_match('/^[1-9]\d{0,18}$/', $sub)) {
            throw new InvalidToken('sub must be a user id');
        }
        if (! in_array($payload['role'] ?? null, ['customer', 'admin'], true)) {
            throw new InvalidToken('role must be customer or admin');
        }
        if (! is_int($payload['tv'] ?? null)) {
            throw new InvalidToken('tv must be an integer');
        }
        if (! is_string($payload['jti'] ?? null) || $payload['jti'] === '') {
            throw new InvalidToken('jti is required');
        }
        $sid = $payload['sid'] ?? null;
        if ($sid !== null && (! is_string($sid) || $sid === '')) {
            throw new InvalidToken('sid must be a string');
        }

        return new self((int) $sub, $payload['role'], $payload['tv'], $payload['jti'], $sid, (int) $payload['exp']);
    }
}
