<?php

namespace Tests\Support;

use App\Services\Jwt\Base64Url;

/** Builds access tokens for tests: correctly signed ones with our own RSA key, and every kind of forgery. */
final class TokenForge
{
    public readonly string $privateKey;
    public readonly string $publicKey;

    public function __construct(public readonly string $kid = 'test-kid')
    {
        $key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
        openssl_pkey_export($key, $privateKey);
        $this->privateKey = $privateKey;
        $this->publicKey = openssl_pkey_get_details($key)['key'];
    }

    /** @return array<string, mixed> */
    public function claims(array $overrides = []): array
    {
        $now = time();

        return array_merge([
            'role' => 'admin', 'tv' => 0, 'sid' => '5b0c8d7e-1f2a-4c3b-9d4e-5f6a7b8c9d0e',
            'sub' => '42', 'jti' => '0f8fad5b-d9cb-469f-a165-70867728950e',
            'iss' => 'commerce-gateway', 'aud' => 'commerce', 'iat' => $now, 'exp' => $now + 900,
        ], $overrides);
    }

    public function rs256(array $claims, array $header = []): string
    {
        $input = $this->encode(array_merge(['alg' => 'RS256', 'kid' => $this->kid, 'typ' => 'JWT'], $header), $claims);
        openssl_sign($input, $signature, $this->privateKey, OPENSSL_ALGO_SHA256);

        return $input.'.'.Base64Url::encode($signature);
    }

    public function unsigned(array $claims): string
    {
        return $this->encode(['alg' => 'none', 'typ' => 'JWT'], $claims).'.';
    }

    /** The classic key-confusion forgery: HMAC-SHA256 keyed with the public key's PEM text. */
    public function hs256WithPublicKey(array $claims): string
    {
        $input = $this->encode(['alg' => 'HS256', 'kid' => $this->kid, 'typ' => 'JWT'], $claims);

        return $input.'.'.Base64Url::encode(hash_hmac('sha256', $input, $this->publicKey, true));
    }

    /** A valid token whose payload is then swapped for another one (the signature stays). */
    public function withSwappedPayload(string $token, array $claims): string
    {
        [$header, , $signature] = explode('.', $token);

        return $header.'.'.Base64Url::encode(json_encode($claims)).'.'.$signature;
    }

    private function encode(array $header, array $claims): string
    {
        return Base64Url::encode(json_encode($header)).'.'.Base64Url::encode(json_encode($claims));
    }
}
