<?php

namespace App\Http\Middleware;

use Illuminate\Foundation\Http\Middleware\VerifyCsrfToken as Middleware;

/** Laravel's CSRF token on every state-changing request; no exceptions. */
class VerifyCsrfToken extends Middleware
{
    protected $except = [];
}
