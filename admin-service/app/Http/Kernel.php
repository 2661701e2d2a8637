<?php

namespace App\Http;

use Illuminate\Foundation\Http\Kernel as HttpKernel;

/**
 * HTTP kernel. Intentionally minimal: the admin panel adds its session/CSRF/auth middleware
 * (and the config files they need) when it is built.
 */
class Kernel extends HttpKernel
{
    /** @var array<int, class-string|string> */
    protected $middleware = [];

    /** @var array<string, array<int, class-string|string>> */
    protected $middlewareGroups = [
        'web' => [
            \Illuminate\Routing\Middleware\SubstituteBindings::class,
        ],
    ];

    /** @var array<string, class-string|string> */
    protected $routeMiddleware = [];
}
