<?php

namespace App\Http\Controllers\Auth;

use App\Auth\GatewayGuard;
use App\Http\Controllers\Auth\Concerns\RejectsWithGatewayErrors;
use App\Http\Controllers\Controller;
use App\Http\Requests\Auth\LoginRequest;
use App\Services\Auth\AuthCookies;
use App\Services\Gateway\GatewayAuthClient;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;

/** Sign in and out through the gateway; the tokens live in the shared cookies. */
class AuthenticatedSessionController extends Controller
{
    use RejectsWithGatewayErrors;

    public function __construct(private readonly GatewayAuthClient $gateway, private readonly AuthCookies $cookies)
    {
    }

    public function create(): View
    {
        return view('auth.login');
    }

    public function store(LoginRequest $request): RedirectResponse
    {
        $response = $this->gateway->login($request->input('email'), $request->input('password'), $request->ip());
        if (! $response->ok()) {
            $this->rejectWith($response, 'email', trans('auth.failed'));
        }
        $request->session()->regenerate();
        $redirect = redirect()->intended(route('admin.dashboard'));
        foreach ($this->cookies->issue($request, $response->body) as $cookie) {
            $redirect->headers->setCookie($cookie);
        }

        return $redirect;
    }

    /** Revokes the access token and its refresh family at the gateway (so both apps), then forgets the cookies. */
    public function destroy(Request $request): RedirectResponse
    {
        /** @var GatewayGuard $guard */
        $guard = Auth::guard('gateway');
        $token = $guard->token();
        if ($token !== null) {
            $this->gateway->logout($token->token, $request->ip());
        }
        $request->session()->invalidate();
        $request->session()->regenerateToken();
        $redirect = redirect()->route('login');
        foreach ($this->cookies->forget($request) as $cookie) {
            $redirect->headers->setCookie($cookie);
        }

        return $redirect;
    }
}
