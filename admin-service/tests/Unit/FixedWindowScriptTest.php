<?php

namespace Tests\Unit;

use App\Services\ApiKeys\ApiKeyRateLimiter;
use PHPUnit\Framework\TestCase;

/**
 * The admin's per-key rate limit runs the gateway's fixed-window script. Its one source is
 * api-gateway/src/common/rate-limit/fixed-window.lua; the admin image is built from admin-service/
 * alone (docker-compose.yml, CI), so the admin reads a copy beside ApiKeyRateLimiter, which must
 * stay byte-identical.
 */
class FixedWindowScriptTest extends TestCase
{
    public function test_the_admins_script_is_the_gateways_file_byte_for_byte(): void
    {
        $gateway = dirname(__DIR__, 3).'/api-gateway/src/common/rate-limit/fixed-window.lua';
        $this->assertFileExists($gateway);
        $this->assertFileExists(ApiKeyRateLimiter::SCRIPT_FILE);
        $this->assertSame(
            file_get_contents($gateway),
            file_get_contents(ApiKeyRateLimiter::SCRIPT_FILE),
            'the admin\'s fixed-window.lua differs from the gateway\'s: cp api-gateway/src/common/rate-limit/fixed-window.lua admin-service/app/Services/ApiKeys/',
        );
    }
}
