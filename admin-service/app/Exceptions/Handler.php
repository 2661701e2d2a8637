<?php

namespace App\Exceptions;

use App\Services\Gateway\GatewayUnavailable;
use Illuminate\Foundation\Exceptions\Handler as ExceptionHandler;

class Handler extends ExceptionHandler
{
    /**
     * A list of the inputs that are never flashed for validation exceptions.
     *
     * @var string[]
     */
    protected $dontFlash = [
        'current_password',
        'password',
        'password_confirmation',
    ];

    public function register()
    {
        // the gateway (identity, ops) is down: say so with a 503 instead of a bare 500
        $this->renderable(function (GatewayUnavailable $e, $request) {
            report($e);
            $message = 'The platform\'s identity service is unavailable. Please try again in a moment.';

            return $request->expectsJson()
                ? response()->json(['message' => $message], 503)
                : response()->view('errors.503', ['message' => $message], 503);
        });
    }
}
