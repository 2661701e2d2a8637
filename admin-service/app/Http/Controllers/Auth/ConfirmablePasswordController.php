<?php

namespace App\Http\Controllers\Auth;

use App\Auth\GatewayGuard;
use App\Http\Controllers\Auth\Concerns\RejectsWithGatewayErrors;
use App\Http\Controllers\Controller;
use App\Http\Requests\Auth\ConfirmPasswordRequest;
use App\Services\Gateway\GatewayAuthClient;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;
use Illuminate\Support\Facades\Auth;

/** Breeze's "confirm your password" before sensitive actions; the gateway checks the password. */
class ConfirmablePasswordController extends Controller
{
    use RejectsWithGatewayErrors;

    public function __construct(private readonly GatewayAuthClient $gateway)
    {
    }

    public function show(): View
    {
        return view('auth.confirm-password');
    }

    public function store(ConfirmPasswordRequest $request): RedirectResponse
    {
        /** @var GatewayGuard $guard */
        $guard = Auth::guard('gateway');
        $token = $guard->token();
        abort_if($token === null, 401, 'Sign in again to confirm your password.');
        $response = $this->gateway->verifyPassword($token->token, $request->input('password'), $request->ip());
        if (! $response->ok()) {
            $this->rejectWith($response, 'password', trans('auth.password'));
        }
        $request->session()->put('auth.password_confirmed_at', time());

        return redirect()->intended(route('admin.dashboard'));
    }
}
