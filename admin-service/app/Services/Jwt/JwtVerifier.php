<?php

namespace App\Services\Jwt;

/**
 * Cryptographic and claim checks of an RS256 access token. Revocation (denylists, token_version,
 * is_disabled) is App\Services\Auth\AccessTokenAuthenticator's job.
 */
class JwtVerifier
{
    public function __construct(
        private readonly KeySet $keys,
        private readonly string $issuer,
        private readonly string $audience,
        private readonly int $leewaySeconds = 5,
        private readonly ?\Closure $clock = null,
    ) {
    }

    public function verify(string $token): AccessClaims
    {
        $parts = explode('.', $token);
        if (count($parts) !== 3) {
            throw new InvalidToken('not a compact JWS');
        }
        [$encodedHeader, $encodedPayload, $encodedSignature] = $parts;
        $header = $this->json(Base64Url::decode($encodedHeader), 'header');
        // the algorithm is pinned: never trust the header to choose it (alg none, HS256 with the public key)
        if (($header['alg'] ?? null) !== 'RS256') {
            throw new InvalidToken('alg must be RS256');
        }
        if (! is_string($header['kid'] ?? null) || $header['kid'] === '') {
            throw new InvalidToken('kid is required');
        }
        $pem = $this->keys->publicKey($header['kid']);
        if ($pem === null) {
            throw new InvalidToken('unknown kid');
        }
        $key = openssl_pkey_get_public($pem);
        if ($key === false) {
            throw new InvalidToken('unusable key');
        }
        $signature = Base64Url::decode($encodedSignature);
        if (openssl_verify($encodedHeader.'.'.$encodedPayload, $signature, $key, OPENSSL_ALGO_SHA256) !== 1) {
            throw new InvalidToken('bad signature');
        }
        $payload = $this->json(Base64Url::decode($encodedPayload), 'payload');
        $this->checkTime($payload);
        $this->checkIssuerAndAudience($payload);

        return AccessClaims::fromPayload($payload);
    }

    /** @param array<string, mixed> $payload */
    private function checkTime(array $payload): void
    {
        $now = $this->now();
        if (! is_int($payload['exp'] ?? null)) {
            throw new InvalidToken('exp is required');
        }
        if ($payload['exp'] + $this->leewaySeconds <= $now) {
            throw new InvalidToken('expired');
        }
        if (isset($payload['nbf']) && (! is_int($payload['nbf']) || $payload['nbf'] - $this->leewaySeconds > $now)) {
            throw new InvalidToken('not valid yet (nbf)');
        }
        if (isset($payload['iat']) && (! is_int($payload['iat']) || $payload['iat'] - $this->leewaySeconds > $now)) {
            throw new InvalidToken('issued in the future (iat)');
        }
    }

    /** @param array<string, mixed> $payload */
    private function checkIssuerAndAudience(array $payload): void
    {
        if (($payload['iss'] ?? null) !== $this->issuer) {
            throw new InvalidToken('wrong iss');
        }
        $aud = $payload['aud'] ?? null;
        $audiences = is_array($aud) ? $aud : [$aud];
        if (! in_array($this->audience, $audiences, true)) {
            throw new InvalidToken('wrong aud');
        }
    }

    /** @return array<string, mixed> */
    private function json(string $text, string $part): array
    {
        $value = json_decode($text, true, 16);
        if (! is_array($value) || array_is_list($value) && $value !== []) {
            throw new InvalidToken("$part is not a JSON object");
        }

        return $value;
    }

    private function now(): int
    {
        return $this->clock ? ($this->clock)() : time();
    }
}
