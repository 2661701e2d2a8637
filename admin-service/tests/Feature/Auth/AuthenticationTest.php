<?php

namespace Tests\Feature\Auth;

use Tests\Concerns\InspectsCookies;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/** The login form and logout, through the real gateway. */
class AuthenticationTest extends TestCase
{
    use InspectsCookies;
    use LogsInThroughGateway;

    public function test_the_login_page_renders(): void
    {
        $this->get('/login')->assertOk()->assertSee('name="email"', false)->assertSee('name="_token"', false);
    }

    public function test_an_admin_signs_in_and_gets_the_shared_token_cookies(): void
    {
        $admin = $this->createGatewayUser('admin');

        $response = $this->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp()])
            ->post('/login', ['email' => $admin->email, 'password' => static::$gatewayTestPassword]);

        $response->assertRedirect('/dashboard');
        $access = $this->responseCookie($response, 'access_token');
        $refresh = $this->responseCookie($response, 'refresh_token');
        foreach ([$access, $refresh] as $cookie) {
            $this->assertTrue($cookie->isHttpOnly());
            $this->assertSame('lax', $cookie->getSameSite());
            $this->assertSame('/', $cookie->getPath());
            $this->assertFalse($cookie->isSecure(), 'Secure only under TLS');
        }
        $this->assertGreaterThan(time() + 800, $access->getExpiresTime());
        $this->assertGreaterThan(time() + 86400, $refresh->getExpiresTime());
        // not encrypted by Laravel: the gateway itself accepts the cookie's value
        $me = $this->gatewayRequest('GET', '/api/auth/me', null, $access->getValue());
        $this->assertSame(200, $me['status']);
        $this->assertSame($admin->email, $me['body']['email']);
    }

    public function test_the_login_forwards_the_secure_flag_under_tls(): void
    {
        $admin = $this->createGatewayUser('admin');
        $response = $this->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp(), 'HTTP_X_FORWARDED_PROTO' => 'https'])
            ->post('/login', ['email' => $admin->email, 'password' => static::$gatewayTestPassword]);

        $this->assertTrue($this->responseCookie($response, 'access_token')->isSecure());
    }

    public function test_a_wrong_password_is_refused_without_cookies(): void
    {
        $admin = $this->createGatewayUser('admin');

        $response = $this->from('/login')->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp()])
            ->post('/login', ['email' => $admin->email, 'password' => 'not-the-password-1']);

        $response->assertRedirect('/login')->assertSessionHasErrors(['email' => 'These credentials do not match our records.']);
        $this->assertNull($this->findResponseCookie($response, 'access_token'));
    }

    public function test_the_form_names_missing_fields(): void
    {
        $this->from('/login')->post('/login', ['email' => 'not-an-email'])
            ->assertRedirect('/login')->assertSessionHasErrors(['email', 'password']);
    }

    public function test_the_gateways_login_throttle_applies_per_browser_ip(): void
    {
        $admin = $this->createGatewayUser('admin');
        $ip = $this->gatewayTestClientIp();
        // a different unknown account each time, so only the per-IP limit (not the gateway's per-account one) can trip
        $attempt = fn () => $this->from('/login')->withServerVariables(['REMOTE_ADDR' => $ip])
            ->post('/login', ['email' => 'nobody-'.uniqid().'@example.test', 'password' => 'wrong-password-123']);

        $error = fn () => session('errors')?->first('email');
        for ($attempts = 1; $attempts <= 30; $attempts++) {
            $attempt()->assertRedirect('/login');
            if (str_starts_with((string) $error(), 'Too many login attempts')) {
                break;
            }
            $this->assertSame('These credentials do not match our records.', $error());
        }
        $this->assertMatchesRegularExpression('/^Too many login attempts\. Please try again in \d+ seconds\.$/', (string) $error());
        $this->assertLessThanOrEqual(11, $attempts, 'the gateway allows 10 attempts per minute and IP');

        // the limit is the browser's, not the admin server's: another IP still signs in
        $this->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp()])
            ->post('/login', ['email' => $admin->email, 'password' => static::$gatewayTestPassword])
            ->assertRedirect('/dashboard');
    }

    public function test_a_customer_may_sign_in_but_is_refused_by_the_admin(): void
    {
        $customer = $this->createGatewayUser('customer');
        $response = $this->withServerVariables(['REMOTE_ADDR' => $this->gatewayTestClientIp()])
            ->post('/login', ['email' => $customer->email, 'password' => static::$gatewayTestPassword]);

        $this->withUnencryptedCookie('access_token', $this->responseCookie($response, 'access_token')->getValue())
            ->get('/dashboard')->assertForbidden();
    }

    public function test_signed_in_users_skip_the_login_page(): void
    {
        $this->logInAs('admin');
        $this->get('/login')->assertRedirect('/dashboard');
    }

    public function test_logout_revokes_the_token_on_the_gateway_within_a_second_and_clears_the_cookies(): void
    {
        $this->logInAs('admin');
        $access = $this->gatewayTokens['accessToken'];
        $this->assertSame(200, $this->gatewayRequest('GET', '/api/auth/me', null, $access)['status']);

        $response = $this->post('/logout');
        $loggedOutAt = microtime(true);

        $response->assertRedirect('/login');
        $this->assertLessThan(time(), $this->responseCookie($response, 'access_token')->getExpiresTime());
        $this->assertLessThan(time(), $this->responseCookie($response, 'refresh_token')->getExpiresTime());
        $this->assertSame(401, $this->gatewayRequest('GET', '/api/auth/me', null, $access)['status']);
        $this->assertLessThan(1.0, microtime(true) - $loggedOutAt);
        // the refresh family is dead too
        $refresh = $this->gatewayRequest('POST', '/api/auth/refresh', ['refreshToken' => $this->gatewayTokens['refreshToken']]);
        $this->assertSame(401, $refresh['status']);
    }

    public function test_an_unreachable_gateway_is_a_clear_503_not_a_silent_failure(): void
    {
        config(['services.gateway.url' => 'http://127.0.0.1:1']);
        $this->app->forgetInstance(\App\Services\Gateway\GatewayHttp::class);

        $this->post('/login', ['email' => 'a@example.com', 'password' => 'whatever-123'])
            ->assertStatus(503)->assertSee('identity service is unavailable');
    }
}
