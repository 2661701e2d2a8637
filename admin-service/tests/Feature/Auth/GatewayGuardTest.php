<?php

namespace Tests\Feature\Auth;

use App\Models\User;
use App\Services\Jwt\Base64Url;
use Illuminate\Support\Facades\Redis;
use Tests\Concerns\LogsInThroughGateway;
use Tests\TestCase;

/**
 * The `gateway` guard and the `admin` middleware against the running gateway (real RS256 tokens,
 * JWKS over HTTP), the real Redis denylists and the real `users` rows.
 */
class GatewayGuardTest extends TestCase
{
    use LogsInThroughGateway;

    public function test_a_gateway_login_token_opens_the_dashboard_as_bearer(): void
    {
        $admin = $this->createGatewayUser();
        $pair = $this->loginThroughGateway($admin);

        $this->withHeader('Authorization', 'Bearer '.$pair['accessToken'])->get('/dashboard')
            ->assertOk()
            ->assertSee($admin->name);
    }

    public function test_a_gateway_login_token_opens_the_dashboard_as_the_access_token_cookie(): void
    {
        $admin = $this->logInAs('admin');

        $this->get('/dashboard')->assertOk()->assertSee($admin->name);
    }

    public function test_a_customer_is_refused_with_403_by_bearer_and_by_cookie(): void
    {
        $this->logInAs('customer');
        $this->get('/dashboard')->assertForbidden()->assertSee('Administrators only');
        $this->flushHeaders();
        $this->withHeader('Authorization', 'Bearer '.$this->gatewayTokens['accessToken'])->getJson('/products')->assertForbidden();
    }

    public function test_without_a_token_pages_redirect_to_the_login_and_json_gets_401(): void
    {
        $this->get('/dashboard')->assertRedirect('/login');
        $this->getJson('/dashboard')->assertUnauthorized();
    }

    /** @dataProvider tamperings */
    public function test_a_tampered_token_is_refused_by_both_apps(\Closure $tamper): void
    {
        $customer = $this->createGatewayUser('customer');
        $token = $tamper($this->loginThroughGateway($customer)['accessToken'], $this);

        $this->withHeader('Authorization', 'Bearer '.$token)->getJson('/products')->assertUnauthorized();
        $this->flushHeaders();
        $this->withUnencryptedCookie('access_token', $token)->get('/products')->assertRedirect('/login');
        $this->assertSame(401, $this->gatewayRequest('GET', '/api/auth/me', null, $token)['status'], 'the gateway refuses it too');
    }

    public static function tamperings(): array
    {
        $parts = fn (string $token) => explode('.', $token);
        $payload = fn (string $token) => json_decode(Base64Url::decode($parts($token)[1]), true);
        $encode = fn (array $json) => Base64Url::encode(json_encode($json));

        return [
            'payload modified (customer -> admin), signature kept' => [function (string $token) use ($parts, $payload, $encode) {
                [$header, , $signature] = $parts($token);

                return $header.'.'.$encode(['role' => 'admin'] + $payload($token)).'.'.$signature;
            }],
            'alg none, no signature' => [fn (string $token) => $encode(['alg' => 'none', 'typ' => 'JWT']).'.'.$parts($token)[1].'.'],
            'HS256 signed with the published public key' => [function (string $token, self $test) use ($parts, $encode) {
                $header = json_decode(Base64Url::decode($parts($token)[0]), true);
                $input = $encode(['alg' => 'HS256', 'kid' => $header['kid'], 'typ' => 'JWT']).'.'.$parts($token)[1];

                return $input.'.'.Base64Url::encode(hash_hmac('sha256', $input, $test->publishedPublicKeyPem($header['kid']), true));
            }],
            'unknown kid' => [function (string $token) use ($parts, $encode) {
                [, $body, $signature] = $parts($token);

                return $encode(['alg' => 'RS256', 'kid' => 'not-a-published-kid', 'typ' => 'JWT']).".$body.$signature";
            }],
            'signature truncated' => [fn (string $token) => substr($token, 0, -6)],
            'signature of another token' => [fn (string $token) => implode('.', array_slice($parts($token), 0, 2)).'.'.Base64Url::encode(random_bytes(256))],
        ];
    }

    public function publishedPublicKeyPem(string $kid): string
    {
        return app(\App\Services\Jwt\KeySet::class)->publicKey($kid);
    }

    public function test_logout_at_the_gateway_is_refused_by_the_admin_at_once(): void
    {
        $this->logInAs('admin');
        $this->get('/products')->assertOk();

        $logout = $this->gatewayRequest('POST', '/api/auth/logout', null, $this->gatewayTokens['accessToken']);
        $this->assertSame(204, $logout['status']);

        $this->get('/products')->assertRedirect('/login');
    }

    public function test_a_denylisted_session_id_is_refused(): void
    {
        $this->logInAs('admin');
        $sid = json_decode(Base64Url::decode(explode('.', $this->gatewayTokens['accessToken'])[1]), true)['sid'];
        $this->get('/products')->assertOk();

        Redis::connection()->setex("auth:revoked-sid:$sid", 60, '1');
        try {
            $this->get('/products')->assertRedirect('/login');
        } finally {
            Redis::connection()->del("auth:revoked-sid:$sid");
        }
    }

    public function test_disabling_or_bumping_token_version_revokes_live_tokens(): void
    {
        $admin = $this->logInAs('admin');
        $this->get('/products')->assertOk();
        $admin->revokeTokens();
        $this->get('/products')->assertRedirect('/login');

        $other = $this->logInAs('admin');
        $this->get('/products')->assertOk();
        User::query()->whereKey($other->id)->update(['is_disabled' => true]);
        $this->get('/products')->assertRedirect('/login');
    }

    public function test_the_role_is_read_from_the_database_so_a_demotion_bites_at_once(): void
    {
        $admin = $this->logInAs('admin');
        $this->get('/products')->assertOk();
        User::query()->whereKey($admin->id)->update(['role' => 'customer']);
        $this->get('/products')->assertForbidden();
    }
}
