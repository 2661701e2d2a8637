<?php

namespace App\Http\Controllers\Auth;

use App\Http\Controllers\Auth\Concerns\RejectsWithGatewayErrors;
use App\Http\Controllers\Controller;
use App\Http\Requests\Auth\ForgotPasswordRequest;
use App\Services\Gateway\GatewayAuthClient;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;

/** "Forgot your password?": the gateway mails the reset link (always 202, so no account probing). */
class PasswordResetLinkController extends Controller
{
    use RejectsWithGatewayErrors;

    public function __construct(private readonly GatewayAuthClient $gateway)
    {
    }

    public function create(): View
    {
        return view('auth.forgot-password');
    }

    public function store(ForgotPasswordRequest $request): RedirectResponse
    {
        $response = $this->gateway->forgotPassword($request->input('email'), $request->ip());
        if (! $response->ok()) {
            $this->rejectWith($response, 'email', $response->message(), ['email']);
        }

        return back()->with('status', trans('passwords.sent'));
    }
}
