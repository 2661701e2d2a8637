<?php

namespace App\Http\Controllers\Auth;

use App\Http\Controllers\Controller;
use App\Http\Requests\Auth\ResetPasswordRequest;
use App\Services\Gateway\GatewayAuthClient;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Validation\ValidationException;

/** The page the reset mail links to; the gateway checks the token and the password policy. */
class NewPasswordController extends Controller
{
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
            $fields = $response->fieldErrors();
            $errors = array_intersect_key($fields, array_flip(['email', 'password']));
            throw ValidationException::withMessages($errors ?: ['email' => $fields['token'] ?? trans('passwords.token')]);
        }

        return redirect()->route('login')->with('status', trans('passwords.reset'));
    }
}
