<?php

namespace App\Services\Jwt;

/** Where the verifier gets public keys by kid (the gateway's JWKS in production, fixed keys in unit tests). */
interface KeySet
{
    /** PEM public key for $kid, or null when the issuer doesn't publish it. */
    public function publicKey(string $kid): ?string;
}
