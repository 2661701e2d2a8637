<?php

namespace App\Http\Middleware;

use Illuminate\Cookie\Middleware\EncryptCookies as Middleware;

class EncryptCookies extends Middleware
{
    /** The gateway reads the token cookies too, so they stay plain (they are signed JWTs / opaque tokens). */
    protected $except = ['access_token', 'refresh_token'];
}
