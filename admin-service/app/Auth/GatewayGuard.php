<?php

namespace App\Auth;

use App\Services\Auth\AccessTokenAuthenticator;
use App\Services\Auth\AuthenticatedToken;
use App\Services\Jwt\InvalidToken;
use Illuminate\Auth\GuardHelpers;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Contracts\Auth\Guard;
use Illuminate\Contracts\Auth\UserProvider;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;

/**
 * Auth guard `gateway`: the user is whoever the gateway's access token names, taken from
 * `Authorization: Bearer` first, else the `access_token` cookie (the same order as the gateway).
 * Stateless: nothing about the user is kept in the Laravel session.
 */
class GatewayGuard implements Guard
{
    use GuardHelpers;

    private ?AuthenticatedToken $authenticated = null;

    private bool $resolved = false;

    public function __construct(
        private readonly AccessTokenAuthenticator $authenticator,
        UserProvider $provider,
        private Request $request,
        private readonly string $cookieName,
    ) {
        $this->provider = $provider;
    }

    public function user(): ?Authenticatable
    {
        if ($this->user === null && ! $this->resolved) {
            $this->resolved = true;
            $this->authenticated = $this->authenticate($this->tokenFromRequest());
            $this->user = $this->authenticated?->user;
        }

        return $this->user;
    }

    /** The verified token of the current request (null for users set with setUser()). */
    public function token(): ?AuthenticatedToken
    {
        $this->user();

        return $this->authenticated;
    }

    /** @param array<string, mixed> $credentials ['token' => access token] */
    public function validate(array $credentials = []): bool
    {
        return $this->authenticate($credentials['token'] ?? null) !== null;
    }

    public function setRequest(Request $request): static
    {
        $this->request = $request;
        $this->user = null;
        $this->resolved = false;
        $this->authenticated = null;

        return $this;
    }

    public function tokenFromRequest(): ?string
    {
        $header = (string) $this->request->headers->get('Authorization', '');
        if (preg_match('/^Bearer\s+(\S+)\s*$/i', $header, $m)) {
            return $m[1];
        }
        $cookie = $this->request->cookies->get($this->cookieName);

        return is_string($cookie) && $cookie !== '' ? $cookie : null;
    }

    private function authenticate(?string $token): ?AuthenticatedToken
    {
        if ($token === null) {
            return null;
        }
        try {
            return $this->authenticator->authenticate($token);
        } catch (InvalidToken $e) {
            Log::info('access token refused', ['reason' => $e->getMessage(), 'ip' => $this->request->ip()]);

            return null;
        }
    }
}
