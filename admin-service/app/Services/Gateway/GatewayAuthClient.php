<?php

namespace App\Services\Gateway;

/**
 * The gateway's identity endpoints (docs/api.md): the admin never checks a password itself.
 * Every call forwards the browser's IP in X-Forwarded-For, so the gateway's per-IP login throttle
 * counts the person, not this server.
 */
class GatewayAuthClient
{
    public function __construct(private readonly GatewayHttp $http)
    {
    }

    public function login(string $email, string $password, string $clientIp): GatewayResponse
    {
        return $this->http->send('POST', '/api/auth/login', ['email' => $email, 'password' => $password], $this->forwardedFor($clientIp));
    }

    public function refresh(string $refreshToken, string $clientIp): GatewayResponse
    {
        return $this->http->send('POST', '/api/auth/refresh', ['refreshToken' => $refreshToken], $this->forwardedFor($clientIp));
    }

    /** Denylists the access token and revokes its refresh family on the gateway. */
    public function logout(string $accessToken, string $clientIp): GatewayResponse
    {
        return $this->http->send('POST', '/api/auth/logout', null, $this->bearer($accessToken) + $this->forwardedFor($clientIp));
    }

    public function forgotPassword(string $email, string $clientIp): GatewayResponse
    {
        return $this->http->send('POST', '/api/auth/password/forgot', ['email' => $email, 'context' => 'admin'], $this->forwardedFor($clientIp));
    }

    public function resetPassword(string $email, string $token, string $password, string $clientIp): GatewayResponse
    {
        return $this->http->send('POST', '/api/auth/password/reset', ['email' => $email, 'token' => $token, 'password' => $password], $this->forwardedFor($clientIp));
    }

    public function verifyPassword(string $accessToken, string $password, string $clientIp): GatewayResponse
    {
        return $this->http->send('POST', '/api/auth/password/verify', ['password' => $password], $this->bearer($accessToken) + $this->forwardedFor($clientIp));
    }

    /** @return array<string, string> */
    private function bearer(string $accessToken): array
    {
        return ['Authorization' => 'Bearer '.$accessToken];
    }

    /** @return array<string, string> */
    private function forwardedFor(string $clientIp): array
    {
        return ['X-Forwarded-For' => $clientIp];
    }
}
