<?php

namespace App\Http\Middleware;

use App\Models\ApiKey;
use App\Services\ApiKeys\ApiKeyRateLimiter;
use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;

/**
 * The admin's JSON API (/admin/api/*) for scripts: `X-Api-Key` (a service key; its catalog:read /
 * catalog:write scopes are checked by the catalog policies) or `Authorization: Bearer <the shared
 * JWT>` of an admin. Cookies are not accepted here (no CSRF token on this API). Always JSON.
 * A key has a per-key rate limit (429 + Retry-After) and is logged by its id + prefix, never the key.
 */
class AuthenticateCatalogClient
{
    public function __construct(private readonly ApiKeyRateLimiter $limiter)
    {
    }

    public function handle(Request $request, Closure $next)
    {
        $request->headers->set('Accept', 'application/json');
        $key = $request->headers->get('X-Api-Key');
        if ($key !== null) {
            $row = ApiKey::query()->where('key_hash', ApiKey::hashOf($key))->first();
            $problem = match (true) {
                $row === null => 'Invalid API key',
                $row->revoked_at !== null => 'API key revoked',
                $row->expires_at !== null && $row->expires_at->isPast() => 'API key expired',
                default => null,
            };
            if ($problem) {
                if ($row !== null) {
                    Log::warning('catalog api: key refused', ['apiKeyId' => $row->id, 'apiKeyPrefix' => $row->prefix, 'reason' => $problem]);
                }

                return response()->json(['message' => $problem], 401);
            }
            // per-key limit, shared by every php-fpm worker (Redis)
            if (($retryAfter = $this->limiter->hit($row)) !== null) {
                Log::warning('catalog api: key rate-limited', ['apiKeyId' => $row->id, 'apiKeyPrefix' => $row->prefix, 'retryAfter' => $retryAfter]);

                return response()->json(['message' => "Rate limit of API key {$row->prefix} exceeded"], 429, ['Retry-After' => (string) $retryAfter]);
            }
            if ($row->last_used_at === null || $row->last_used_at->lt(now()->subMinute())) {
                DB::table('api_keys')->where('id', $row->id)->update(['last_used_at' => now()]);
            }
            $request->attributes->set('api_key', $row);
            Auth::shouldUse('gateway');
            $response = $next($request);
            // logged by the key's id and prefix, never the key
            Log::info('catalog api: key request', ['apiKeyId' => $row->id, 'apiKeyPrefix' => $row->prefix,
                'method' => $request->method(), 'path' => $request->path(), 'status' => $response->getStatusCode()]);

            return $response;
        }
        if (! preg_match('/^Bearer\s+\S+$/i', (string) $request->headers->get('Authorization'))) {
            return response()->json(['message' => 'Send X-Api-Key (scope catalog:read / catalog:write) or Authorization: Bearer <access token>'], 401);
        }
        $user = Auth::guard('gateway')->user();
        if ($user === null) {
            return response()->json(['message' => 'Invalid or expired access token'], 401);
        }
        if (! $user->isAdmin()) {
            return response()->json(['message' => 'Administrators only'], 403);
        }

        return $next($request);
    }
}
