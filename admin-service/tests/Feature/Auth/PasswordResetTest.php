<?php

namespace Tests\Feature\Auth;

use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/** Forgot/reset password pages: the gateway mails the link (to maildev), checks the token and the policy. */
class PasswordResetTest extends TestCase
{
    use LogsInThroughGateway;

    public function test_the_forgot_password_page_renders(): void
    {
        $this->get('/forgot-password')->assertOk()->assertSee('Email Password Reset Link');
    }

    public function test_the_full_reset_flow_through_the_mailed_link(): void
    {
        $admin = $this->createGatewayUser('admin');
        $old = $this->loginThroughGateway($admin);

        $this->from('/forgot-password')->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp()])
            ->post('/forgot-password', ['email' => $admin->email])
            ->assertRedirect('/forgot-password')->assertSessionHas('status');

        $link = $this->resetLinkMailedTo($admin->email);
        $this->assertMatchesRegularExpression('#^http://localhost:\d+/admin/reset-password/[A-Za-z0-9_-]{43}\?email=#', $link);
        $path = substr(parse_url($link, PHP_URL_PATH), strlen('/admin'));
        parse_str((string) parse_url($link, PHP_URL_QUERY), $query);
        $token = basename($path);

        $this->get($path.'?email='.urlencode($query['email']))->assertOk()
            ->assertSee('value="'.$token.'"', false)->assertSee('value="'.$admin->email.'"', false);

        // the gateway's password policy applies, and its message reaches the form
        $this->from($path)->post('/reset-password', ['token' => $token, 'email' => $admin->email, 'password' => 'short', 'password_confirmation' => 'short'])
            ->assertRedirect($path)->assertSessionHasErrors('password');

        $this->post('/reset-password', ['token' => $token, 'email' => $admin->email, 'password' => 'Brand-new-passw0rd', 'password_confirmation' => 'Brand-new-passw0rd'])
            ->assertRedirect('/login')->assertSessionHas('status');

        $this->assertSame(401, $this->gatewayRequest('GET', '/api/auth/me', null, $old['accessToken'])['status'], 'a reset ends every session');
        $this->loginThroughGateway($admin, 'Brand-new-passw0rd');

        // the link works once
        $this->from($path)->post('/reset-password', ['token' => $token, 'email' => $admin->email, 'password' => 'Another-passw0rd-2', 'password_confirmation' => 'Another-passw0rd-2'])
            ->assertRedirect($path)->assertSessionHasErrors('email');
    }

    public function test_an_unknown_email_gets_the_same_answer(): void
    {
        $this->from('/forgot-password')->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp()])
            ->post('/forgot-password', ['email' => 'nobody-'.uniqid().'@example.test'])
            ->assertRedirect('/forgot-password')->assertSessionHas('status')->assertSessionHasNoErrors();
    }

    public function test_mismatched_confirmation_is_refused_before_the_gateway(): void
    {
        $this->from('/reset-password/x')->post('/reset-password', ['token' => 'x', 'email' => 'a@example.com', 'password' => 'Abcdefgh123', 'password_confirmation' => 'other'])
            ->assertRedirect('/reset-password/x')->assertSessionHasErrors('password');
    }

    private function resetLinkMailedTo(string $email): string
    {
        $deadline = microtime(true) + 10;
        do {
            $mails = json_decode((string) @file_get_contents('http://127.0.0.1:'.env('MAILDEV_WEB_PORT', 1080).'/email'), true) ?: [];
            foreach (array_reverse($mails) as $mail) {
                $to = array_column($mail['to'] ?? [], 'address');
                if (in_array($email, $to, true) && preg_match('#https?://\S+/admin/reset-password/\S+#', $mail['text'] ?? '', $m)) {
                    return $m[0];
                }
            }
            usleep(200_000);
        } while (microtime(true) < $deadline);
        $this->fail("no reset mail for $email in maildev within 10 s");
    }
}
