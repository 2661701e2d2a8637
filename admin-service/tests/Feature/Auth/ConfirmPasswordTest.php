<?php

namespace Tests\Feature\Auth;

use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/** Breeze's confirm-password screen; the gateway checks the password. */
class ConfirmPasswordTest extends TestCase
{
    use LogsInThroughGateway;

    public function test_the_confirm_password_screen_renders_for_signed_in_users_only(): void
    {
        $this->get('/confirm-password')->assertRedirect('/login');
        $this->logInAs('admin');
        $this->get('/confirm-password')->assertOk()->assertSee('confirm your password');
    }

    public function test_the_right_password_is_confirmed(): void
    {
        $this->logInAs('admin');
        $this->post('/confirm-password', ['password' => static::$gatewayTestPassword])
            ->assertRedirect('/dashboard')->assertSessionHasNoErrors()->assertSessionHas('auth.password_confirmed_at');
    }

    public function test_a_wrong_password_is_not_confirmed(): void
    {
        $this->logInAs('admin');
        $this->from('/confirm-password')->post('/confirm-password', ['password' => 'wrong-password-1'])
            ->assertRedirect('/confirm-password')->assertSessionHasErrors(['password' => 'The provided password is incorrect.'])
            ->assertSessionMissing('auth.password_confirmed_at');
    }

    public function test_the_password_confirm_middleware_sends_to_the_screen_and_back(): void
    {
        \Illuminate\Support\Facades\Route::middleware(['web', 'auth:gateway', 'password.confirm'])->get('/_test/sensitive', fn () => 'sensitive page');
        $this->logInAs('admin');

        $this->get('/_test/sensitive')->assertRedirect('/confirm-password');
        $this->post('/confirm-password', ['password' => static::$gatewayTestPassword])->assertRedirect('/_test/sensitive');
        $this->get('/_test/sensitive')->assertOk()->assertSee('sensitive page');
    }
}
