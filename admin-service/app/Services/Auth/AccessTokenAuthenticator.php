<?php

namespace App\Services\Auth;

use App\Models\User;
use App\Services\Jwt\AccessClaims;
use App\Services\Jwt\InvalidToken;
use App\Services\Jwt\JwtVerifier;

/**
 * The full access-token check, the same steps and order as the gateway's AuthService.authenticate:
 * signature and claims, then the jti/sid denylists, then the user's row (exists, not disabled,
 * token_version == tv). The role used for authorization is the database's, so a demotion bites at once.
 */
class AccessTokenAuthenticator
{
    public function __construct(private readonly JwtVerifier $verifier, private readonly RevocationList $revocations)
    {
    }

    /** @throws InvalidToken */
    public function authenticate(string $token): AuthenticatedToken
    {
        $claims = $this->verifier->verify($token);
        if ($this->revocations->isRevoked($claims->jti, $claims->sid)) {
            throw new InvalidToken('revoked (denylist)');
        }
        $user = User::query()->find($claims->userId);
        if ($user === null || $user->is_disabled || $user->token_version !== $claims->tokenVersion) {
            throw new InvalidToken('revoked (user state)');
        }

        return new AuthenticatedToken($user, $claims, $token);
    }
}
