<?php

namespace Tests\Unit\Jwt;

use App\Services\Gateway\GatewayHttp;
use App\Services\Gateway\GatewayResponse;
use App\Services\Gateway\GatewayUnavailable;
use App\Services\Jwt\Base64Url;
use App\Services\Jwt\JwksClient;
use App\Services\Jwt\RsaJwk;
use Illuminate\Cache\ArrayStore;
use Illuminate\Cache\Repository;
use PHPUnit\Framework\TestCase;
use Tests\Support\TokenForge;

/** JWK -> PEM conversion and the JWKS cache (the HTTP client is a fake here; the real gateway is used in Feature tests). */
class JwksClientTest extends TestCase
{
    public function test_jwk_converts_to_the_same_rsa_public_key(): void
    {
        $forge = new TokenForge();
        $pem = RsaJwk::toPem(self::jwk($forge));

        $this->assertSame($forge->publicKey, $pem);
        $data = 'signed by the private key';
        openssl_sign($data, $signature, $forge->privateKey, OPENSSL_ALGO_SHA256);
        $this->assertSame(1, openssl_verify($data, $signature, $pem, OPENSSL_ALGO_SHA256));
    }

    public function test_refuses_non_rsa_jwks(): void
    {
        $this->expectExceptionMessage('not an RSA public key');
        RsaJwk::toPem(['kty' => 'oct', 'k' => 'c2VjcmV0']);
    }

    public function test_caches_the_set_and_refetches_on_an_unknown_kid_at_most_once_per_interval(): void
    {
        $old = new TokenForge('old');
        $new = new TokenForge('new');
        $http = new FakeJwksHttp([['keys' => [self::jwk($old)]], ['keys' => [self::jwk($old), self::jwk($new)]]]);
        $cache = new Repository(new ArrayStore());
        $client = fn () => new JwksClient($http, '/.well-known/jwks.json', $cache, 300, 10);

        $this->assertSame($old->publicKey, $client()->publicKey('old'));
        $this->assertSame($old->publicKey, $client()->publicKey('old'));
        $this->assertSame(1, $http->calls, 'a known kid is served from the cache');

        $this->assertSame($new->publicKey, $client()->publicKey('new'), 'a rotated-in key is found by refetching');
        $this->assertSame(2, $http->calls);

        $this->assertNull($client()->publicKey('forged'));
        $this->assertNull($client()->publicKey('forged-again'));
        $this->assertSame(2, $http->calls, 'unknown kids within the interval do not refetch');
    }

    public function test_a_failing_jwks_endpoint_is_an_outage_not_an_empty_key_set(): void
    {
        $this->expectException(GatewayUnavailable::class);
        (new JwksClient(new FakeJwksHttp([null]), '/jwks', new Repository(new ArrayStore()), 300, 10))->publicKey('any');
    }

    private static function jwk(TokenForge $forge): array
    {
        $rsa = openssl_pkey_get_details(openssl_pkey_get_public($forge->publicKey))['rsa'];

        return ['kty' => 'RSA', 'n' => Base64Url::encode($rsa['n']), 'e' => Base64Url::encode($rsa['e']), 'kid' => $forge->kid, 'alg' => 'RS256', 'use' => 'sig'];
    }
}

/** Answers successive JWKS fetches from a script; null = HTTP 404. */
class FakeJwksHttp extends GatewayHttp
{
    public int $calls = 0;

    public function __construct(private array $answers)
    {
        parent::__construct('http://unused', 1);
    }

    public function send(string $method, string $path, ?array $json = null, array $headers = []): GatewayResponse
    {
        $body = $this->answers[min($this->calls++, count($this->answers) - 1)];

        return new GatewayResponse($body === null ? 404 : 200, [], $body);
    }
}
