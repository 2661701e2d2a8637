<?php

// One identity for both apps: the NestJS gateway issues RS256 access tokens; the `gateway`
// guard (App\Auth\GatewayGuard) verifies them exactly as docs/api.md "How other services verify
// tokens" says. There is no password check in this app.
return [
    'defaults' => [
        'guard' => 'gateway',
        'passwords' => null,
    ],

    'guards' => [
        'gateway' => ['driver' => 'gateway', 'provider' => 'users'],
    ],

    'providers' => [
        'users' => ['driver' => 'eloquent', 'model' => App\Models\User::class],
    ],

    // Breeze's confirm-password window (seconds).
    'password_timeout' => 10800,

    'jwt' => [
        'issuer' => env('JWT_ISSUER', 'commerce-gateway'),
        'audience' => env('JWT_AUDIENCE', 'commerce'),
        'leeway' => 5,
        // fetched from services.gateway.url
        'jwks_path' => '/.well-known/jwks.json',
        'jwks_cache_seconds' => 300,
        // an unknown kid refetches the JWKS at most once per this many seconds
        'jwks_refetch_interval' => 10,
        // the gateway's ioredis keyPrefix (empty in production): denylist keys are read with it
        'redis_key_prefix' => env('REDIS_KEY_PREFIX', ''),
    ],

    // Cookies shared with the gateway on http://localhost:8080 : HttpOnly, SameSite=Lax, Path=/, Secure under TLS.
    'cookies' => [
        'access' => 'access_token',
        'refresh' => 'refresh_token',
        'refresh_lifetime' => (int) env('JWT_REFRESH_TTL_SECONDS', 30 * 86400),
    ],
];
