<?php

namespace Tests\Unit\Jwt;

use App\Services\Jwt\InvalidToken;
use App\Services\Jwt\JwtVerifier;
use App\Services\Jwt\KeySet;
use PHPUnit\Framework\TestCase;
use Tests\Support\TokenForge;

/** RS256 verification against forged tokens (pure logic: keys are in memory, no gateway). */
class JwtVerifierTest extends TestCase
{
    private static TokenForge $forge;

    private JwtVerifier $verifier;

    public static function setUpBeforeClass(): void
    {
        self::$forge = new TokenForge();
    }

    protected function setUp(): void
    {
        $keys = new class(self::$forge) implements KeySet {
            public function __construct(private TokenForge $forge)
            {
            }

            public function publicKey(string $kid): ?string
            {
                return $kid === $this->forge->kid ? $this->forge->publicKey : null;
            }
        };
        $this->verifier = new JwtVerifier($keys, 'commerce-gateway', 'commerce', 5);
    }

    public function test_accepts_a_correctly_signed_token_and_reads_its_claims(): void
    {
        $claims = $this->verifier->verify(self::$forge->rs256(self::$forge->claims(['sub' => '7', 'role' => 'customer', 'tv' => 3])));

        $this->assertSame(7, $claims->userId);
        $this->assertSame('customer', $claims->role);
        $this->assertSame(3, $claims->tokenVersion);
        $this->assertSame('0f8fad5b-d9cb-469f-a165-70867728950e', $claims->jti);
        $this->assertSame('5b0c8d7e-1f2a-4c3b-9d4e-5f6a7b8c9d0e', $claims->sid);
    }

    public function test_accepts_aud_as_a_list_containing_ours(): void
    {
        $claims = $this->verifier->verify(self::$forge->rs256(self::$forge->claims(['aud' => ['other', 'commerce']])));
        $this->assertSame(42, $claims->userId);
    }

    public function test_tolerates_a_small_clock_skew_on_exp(): void
    {
        $claims = $this->verifier->verify(self::$forge->rs256(self::$forge->claims(['exp' => time() - 2])));
        $this->assertSame(42, $claims->userId);
    }

    /** @dataProvider forgeries */
    public function test_refuses(string $expectedReason, \Closure $make): void
    {
        $this->expectException(InvalidToken::class);
        $this->expectExceptionMessage($expectedReason);
        $this->verifier->verify($make(self::$forge));
    }

    public static function forgeries(): array
    {
        return [
            'alg none' => ['alg must be RS256', fn (TokenForge $f) => $f->unsigned($f->claims())],
            'alg none with a copied signature' => ['alg must be RS256', function (TokenForge $f) {
                [, $payload, $signature] = explode('.', $f->rs256($f->claims()));

                return rtrim(strtr(base64_encode('{"alg":"none","kid":"test-kid"}'), '+/', '-_'), '=').".$payload.$signature";
            }],
            'HS256 signed with the public key' => ['alg must be RS256', fn (TokenForge $f) => $f->hs256WithPublicKey($f->claims())],
            'unknown kid' => ['unknown kid', fn (TokenForge $f) => $f->rs256($f->claims(), ['kid' => 'someone-elses'])],
            'no kid' => ['kid is required', fn (TokenForge $f) => $f->rs256($f->claims(), ['kid' => null])],
            'signed by another key under our kid' => ['bad signature', fn (TokenForge $f) => (new TokenForge($f->kid))->rs256($f->claims())],
            'modified payload (customer made admin)' => ['bad signature', fn (TokenForge $f) => $f->withSwappedPayload(
                $f->rs256($f->claims(['role' => 'customer'])), $f->claims(['role' => 'admin']),
            )],
            'expired' => ['expired', fn (TokenForge $f) => $f->rs256($f->claims(['exp' => time() - 10]))],
            'no exp' => ['exp is required', fn (TokenForge $f) => $f->rs256(array_diff_key($f->claims(), ['exp' => 1]))],
            'nbf in the future' => ['nbf', fn (TokenForge $f) => $f->rs256($f->claims(['nbf' => time() + 60]))],
            'iat in the future' => ['iat', fn (TokenForge $f) => $f->rs256($f->claims(['iat' => time() + 60]))],
            'wrong aud' => ['wrong aud', fn (TokenForge $f) => $f->rs256($f->claims(['aud' => 'another-service']))],
            'no aud' => ['wrong aud', fn (TokenForge $f) => $f->rs256(array_diff_key($f->claims(), ['aud' => 1]))],
            'wrong iss' => ['wrong iss', fn (TokenForge $f) => $f->rs256($f->claims(['iss' => 'evil-issuer']))],
            'role outside customer/admin' => ['role', fn (TokenForge $f) => $f->rs256($f->claims(['role' => 'root']))],
            'sub not a user id' => ['sub', fn (TokenForge $f) => $f->rs256($f->claims(['sub' => 'admin']))],
            'tv missing' => ['tv', fn (TokenForge $f) => $f->rs256(array_diff_key($f->claims(), ['tv' => 1]))],
            'not three parts' => ['compact JWS', fn () => 'abc.def'],
            'garbage base64' => ['base64url', fn () => 'a+b.c/d.e=f'],
            'header not JSON' => ['header is not a JSON object', fn () => 'bm90LWpzb24.e30.'],
        ];
    }
}
