<?php

namespace App\Http\Middleware;

use App\Services\Auth\AuthCookies;
use App\Services\Auth\TokenRefresher;
use App\Services\Gateway\GatewayUnavailable;
use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;

/**
 * Keeps a cookie session alive: when the access_token cookie is missing or about to expire and a
 * refresh_token cookie is present, the pair is renewed at the gateway before the guard looks at the
 * request, and the new cookies go out with the response. A refused refresh ends the session (both
 * cookies are cleared). Bearer clients manage their own tokens and are left alone.
 */
class RefreshAccessToken
{
    public function __construct(private readonly TokenRefresher $refresher, private readonly AuthCookies $cookies)
    {
    }

    public function handle(Request $request, Closure $next)
    {
        $refreshToken = $request->cookies->get($this->cookies->refreshName());
        if ($request->bearerToken() !== null || ! is_string($refreshToken) || $refreshToken === ''
            || ! TokenRefresher::isDue($request->cookies->get($this->cookies->accessName()))) {
            return $next($request);
        }
        try {
            $pair = $this->refresher->refresh($refreshToken, $request->ip());
        } catch (GatewayUnavailable $e) {
            Log::warning('token refresh skipped: gateway unavailable', ['error' => $e->getMessage()]);

            return $next($request);
        }
        if ($pair === null) {
            $request->cookies->remove($this->cookies->accessName());
            $request->cookies->remove($this->cookies->refreshName());
            $cookies = $this->cookies->forget($request);
        } else {
            $request->cookies->set($this->cookies->accessName(), $pair['accessToken']);
            $request->cookies->set($this->cookies->refreshName(), $pair['refreshToken']);
            $cookies = $this->cookies->issue($request, $pair);
        }
        $response = $next($request);
        foreach ($cookies as $cookie) {
            $response->headers->setCookie($cookie);
        }

        return $response;
    }
}
