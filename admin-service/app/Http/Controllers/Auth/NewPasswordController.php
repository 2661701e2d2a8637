<?php

namespace App\Http\Controllers\Auth;

use App\Http\Controllers\Auth\Concerns\RejectsWithGatewayErrors;
use App\Http\Controllers\Controller;
use App\Http\Requests\Auth\ResetPasswordRequest;
use App\Services\Gateway\GatewayAuthClient;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;

/** The page the reset mail links to; the gateway checks the token and the password policy. */
class NewPasswordController extends Controller
{
    use RejectsWithGatewayErrors;

    public function __construct(private readonly GatewayAuthClient $gateway)
    {
    }

    public function create(Request $request, string $token): View
    {
        return view('auth.reset-password', ['token' => $token, 'email' => (string) $request->query('email', '')]);
    }

    public function store(ResetPasswordRequest $request): RedirectResponse
    {
        $response = $this->gateway->resetPassword(
            $request->input('email'), $request->input('token'), $request->input('password'), $request->ip(),
        );
        if (! $response->ok()) {
            $this->rejectWith($response, 'email', trans('passwords.token'), ['email', 'password']);
        }

        return redirect()->route('login')->with('status', trans('passwords.reset'));
    }
}
