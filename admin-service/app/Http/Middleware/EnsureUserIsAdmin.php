<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

/** Alias `admin`: only users whose role (read from the database) is admin; customers get 403. */
class EnsureUserIsAdmin
{
    public function handle(Request $request, Closure $next)
    {
        $user = $request->user();
        abort_unless($user !== null, 401);
        abort_unless($user->isAdmin(), 403, 'This area is for administrators only.');

        return $next($request);
    }
}
