<?php

namespace Tests\Feature\Auth;

use App\Services\Auth\TokenRefresher;
use Tests\Concerns\InspectsCookies;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/** The transparent refresh of a cookie session through the gateway's rotating refresh tokens. */
class TokenRefreshTest extends TestCase
{
    use InspectsCookies;
    use LogsInThroughGateway;

    public function test_a_missing_or_expiring_access_cookie_is_renewed_from_the_refresh_cookie(): void
    {
        $admin = $this->createGatewayUser('admin');
        $pair = $this->loginThroughGateway($admin);

        $response = $this->withUnencryptedCookie('refresh_token', $pair['refreshToken'])->get('/products');

        $response->assertOk()->assertSee($admin->name);
        $access = $this->responseCookie($response, 'access_token');
        $refresh = $this->responseCookie($response, 'refresh_token');
        $this->assertNotSame($pair['refreshToken'], $refresh->getValue(), 'the refresh token rotated');
        $this->assertLessThanOrEqual(time() + $pair['refreshExpiresIn'] + 2, $refresh->getExpiresTime(), 'rotation does not extend the session');
        $this->assertGreaterThan(time() + $pair['refreshExpiresIn'] - 60, $refresh->getExpiresTime());
        $this->assertSame(200, $this->gatewayRequest('GET', '/api/auth/me', null, $access->getValue())['status']);
        $this->assertSame(401, $this->gatewayRequest('POST', '/api/auth/refresh', ['refreshToken' => $pair['refreshToken']])['status'],
            'the presented refresh token is spent');
    }

    public function test_a_revoked_refresh_token_ends_the_session_and_clears_both_cookies(): void
    {
        $admin = $this->createGatewayUser('admin');
        $pair = $this->loginThroughGateway($admin);
        $admin->revokeTokens();

        $response = $this->withUnencryptedCookie('refresh_token', $pair['refreshToken'])->get('/products');

        $response->assertRedirect('/login');
        $this->assertLessThan(time(), $this->responseCookie($response, 'access_token')->getExpiresTime());
        $this->assertLessThan(time(), $this->responseCookie($response, 'refresh_token')->getExpiresTime());
    }

    public function test_a_valid_access_cookie_is_not_refreshed(): void
    {
        $this->logInAs('admin');
        $response = $this->withUnencryptedCookie('refresh_token', $this->gatewayTokens['refreshToken'])->get('/products');

        $response->assertOk();
        $this->assertNull($this->findResponseCookie($response, 'access_token'));
        $this->assertNull($this->findResponseCookie($response, 'refresh_token'));
    }

    public function test_parallel_requests_share_one_rotation_instead_of_tripping_reuse_detection(): void
    {
        $pair = $this->loginThroughGateway($this->createGatewayUser('admin'));
        $refresher = app(TokenRefresher::class);

        $first = $refresher->refresh($pair['refreshToken'], '198.18.0.1');
        $second = $refresher->refresh($pair['refreshToken'], '198.18.0.1'); // a second tab, same cookie, same moment

        $this->assertNotNull($first);
        $this->assertSame($first, $second);
        $this->assertSame(200, $this->gatewayRequest('GET', '/api/auth/me', null, $second['accessToken'])['status'],
            'the family is still alive: the gateway saw the token only once');
    }

    public function test_is_due_only_for_missing_or_expiring_tokens(): void
    {
        $token = fn (int $exp) => 'e30.'.rtrim(strtr(base64_encode(json_encode(['exp' => $exp])), '+/', '-_'), '=').'.sig';

        $this->assertTrue(TokenRefresher::isDue(null));
        $this->assertTrue(TokenRefresher::isDue($token(time() + 10)));
        $this->assertFalse(TokenRefresher::isDue($token(time() + 600)));
        $this->assertFalse(TokenRefresher::isDue('garbage!'), 'garbage is for the guard to refuse');
    }
}
