<?php

namespace App\Services\Jwt;

/**
 * An RSA public key from a JWK ({kty:"RSA", n, e}) as a PEM SubjectPublicKeyInfo for openssl_verify.
 * The DER is assembled by hand: SEQUENCE { SEQUENCE { rsaEncryption OID, NULL }, BIT STRING { SEQUENCE { n, e } } }.
 */
final class RsaJwk
{
    private const RSA_ALGORITHM_IDENTIFIER = "\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00";

    /** @param array<string, mixed> $jwk */
    public static function toPem(array $jwk): string
    {
        if (($jwk['kty'] ?? null) !== 'RSA' || ! is_string($jwk['n'] ?? null) || ! is_string($jwk['e'] ?? null)) {
            throw new InvalidToken('JWK is not an RSA public key');
        }
        $rsaKey = self::sequence(self::integer(Base64Url::decode($jwk['n'])).self::integer(Base64Url::decode($jwk['e'])));
        $spki = self::sequence(self::RSA_ALGORITHM_IDENTIFIER.self::tlv("\x03", "\x00".$rsaKey));

        return "-----BEGIN PUBLIC KEY-----\n".chunk_split(base64_encode($spki), 64, "\n")."-----END PUBLIC KEY-----\n";
    }

    private static function integer(string $unsigned): string
    {
        $unsigned = ltrim($unsigned, "\x00");
        if ($unsigned === '' || ord($unsigned[0]) > 0x7f) {
            $unsigned = "\x00".$unsigned; // keep it positive
        }

        return self::tlv("\x02", $unsigned);
    }

    private static function sequence(string $content): string
    {
        return self::tlv("\x30", $content);
    }

    private static function tlv(string $tag, string $content): string
    {
        $length = strlen($content);
        if ($length < 0x80) {
            return $tag.chr($length).$content;
        }
        $lengthBytes = ltrim(pack('N', $length), "\x00");

        return $tag.chr(0x80 | strlen($lengthBytes)).$lengthBytes.$content;
    }
}
