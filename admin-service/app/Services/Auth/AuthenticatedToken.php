<?php

namespace App\Services\Auth;

use App\Models\User;
use App\Services\Jwt\AccessClaims;

/** A user together with the access token that proved who they are (logout needs the token). */
final class AuthenticatedToken
{
    public function __construct(
        public readonly User $user,
        public readonly AccessClaims $claims,
        public readonly string $token,
    ) {
    }
}
