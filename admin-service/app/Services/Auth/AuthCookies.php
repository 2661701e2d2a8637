<?php

namespace App\Services\Auth;

use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Cookie;

/**
 * The shared `access_token` / `refresh_token` cookies on the platform's origin: HttpOnly,
 * SameSite=Lax, Path=/ (the gateway reads them too), Secure only when the request came over TLS.
 * They are excluded from Laravel's cookie encryption (App\Http\Middleware\EncryptCookies).
 */
class AuthCookies
{
    public function __construct(
        private readonly string $accessName,
        private readonly string $refreshName,
        private readonly int $refreshLifetimeSeconds,
    ) {
    }

    public function accessName(): string
    {
        return $this->accessName;
    }

    public function refreshName(): string
    {
        return $this->refreshName;
    }

    /**
     * Max-Age: the access token's lifetime; for the refresh cookie what is left of the session
     * (the gateway's refreshExpiresIn: rotation doesn't extend it), else the configured lifetime.
     *
     * @param array{accessToken: string, refreshToken: string, expiresIn: int, refreshExpiresIn?: int} $pair
     * @return Cookie[]
     */
    public function issue(Request $request, array $pair): array
    {
        return [
            $this->make($request, $this->accessName, $pair['accessToken'], (int) $pair['expiresIn']),
            $this->make($request, $this->refreshName, $pair['refreshToken'], (int) ($pair['refreshExpiresIn'] ?? $this->refreshLifetimeSeconds)),
        ];
    }

    /** @return Cookie[] */
    public function forget(Request $request): array
    {
        return [
            $this->make($request, $this->accessName, '', -2628000),
            $this->make($request, $this->refreshName, '', -2628000),
        ];
    }

    private function make(Request $request, string $name, string $value, int $maxAgeSeconds): Cookie
    {
        $secure = $request->isSecure() || strtolower((string) $request->headers->get('X-Forwarded-Proto')) === 'https';

        return Cookie::create($name, $value, time() + $maxAgeSeconds, '/', null, $secure, true, false, Cookie::SAMESITE_LAX);
    }
}
