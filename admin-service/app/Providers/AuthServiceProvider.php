<?php

namespace App\Providers;

use App\Auth\GatewayGuard;
use App\Services\ApiKeys\ApiKeyRateLimiter;
use App\Services\Auth\AccessTokenAuthenticator;
use App\Services\Auth\AuthCookies;
use App\Services\Auth\TokenRefresher;
use App\Services\Gateway\GatewayAuthClient;
use App\Services\Auth\RevocationAnnouncer;
use App\Services\Auth\RevocationList;
use App\Services\Gateway\GatewayHttp;
use App\Services\Jwt\JwksClient;
use App\Services\Jwt\JwtVerifier;
use App\Services\Jwt\KeySet;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Foundation\Support\Providers\AuthServiceProvider as ServiceProvider;
use Illuminate\Support\Facades\Auth;

class AuthServiceProvider extends ServiceProvider
{
    /** @var array<class-string, class-string> */
    protected $policies = [];

    public function register()
    {
        $this->app->singleton(GatewayHttp::class, fn (Application $app) => new GatewayHttp(
            $app['config']['services.gateway.url'],
            (float) $app['config']['services.gateway.timeout'],
        ));
        $this->app->singleton(KeySet::class, fn (Application $app) => new JwksClient(
            $app->make(GatewayHttp::class),
            $app['config']['auth.jwt.jwks_path'],
            $app['cache']->store(),
            (int) $app['config']['auth.jwt.jwks_cache_seconds'],
            (int) $app['config']['auth.jwt.jwks_refetch_interval'],
        ));
        $this->app->singleton(JwtVerifier::class, fn (Application $app) => new JwtVerifier(
            $app->make(KeySet::class),
            $app['config']['auth.jwt.issuer'],
            $app['config']['auth.jwt.audience'],
            (int) $app['config']['auth.jwt.leeway'],
        ));
        $this->app->singleton(AuthCookies::class, fn (Application $app) => new AuthCookies(
            $app['config']['auth.cookies.access'],
            $app['config']['auth.cookies.refresh'],
            (int) $app['config']['auth.cookies.refresh_lifetime'],
        ));
        $this->app->bind(TokenRefresher::class, fn (Application $app) => new TokenRefresher(
            $app->make(GatewayAuthClient::class),
            $app['redis']->connection(),
            $app['encrypter'],
        ));
        $this->app->bind(RevocationList::class, fn (Application $app) => new RevocationList(
            $app['redis']->connection(),
            (string) $app['config']['auth.jwt.redis_key_prefix'],
        ));
        $this->app->bind(RevocationAnnouncer::class, fn (Application $app) => new RevocationAnnouncer(
            $app['redis']->connection(),
            (string) $app['config']['auth.jwt.redis_key_prefix'],
        ));
        $this->app->bind(ApiKeyRateLimiter::class, fn (Application $app) => new ApiKeyRateLimiter(
            $app['redis']->connection(),
            (int) $app['config']['services.api_keys.rate_limit'],
            (int) $app['config']['services.api_keys.rate_window'],
            (string) $app['config']['auth.jwt.redis_key_prefix'],
        ));
    }

    public function boot()
    {
        $this->registerPolicies();

        Auth::extend('gateway', function (Application $app, string $name, array $config) {
            $guard = new GatewayGuard(
                $app->make(AccessTokenAuthenticator::class),
                Auth::createUserProvider($config['provider'] ?? null),
                $app['request'],
                $app['config']['auth.cookies.access'],
            );
            $app->refresh('request', $guard, 'setRequest');

            return $guard;
        });
    }
}
