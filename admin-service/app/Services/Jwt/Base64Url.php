<?php

namespace App\Services\Jwt;

final class Base64Url
{
    public static function encode(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }

    /** Strict: only the base64url alphabet, no padding. */
    public static function decode(string $text): string
    {
        if (! preg_match('/^[A-Za-z0-9_-]*$/', $text)) {
            throw new InvalidToken('not base64url');
        }
        $bytes = base64_decode(strtr($text, '-_', '+/'), true);
        if ($bytes === false) {
            throw new InvalidToken('not base64url');
        }

        return $bytes;
    }
}
