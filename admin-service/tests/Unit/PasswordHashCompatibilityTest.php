<?php

namespace Tests\Unit;

use Illuminate\Support\Facades\Hash;
use Tests\TestCase;

/**
 * users.password_hash is written by the gateway and its seeder with bcryptjs ($2b$) and by
 * Laravel with password_hash() ($2y$). Both apps must accept both.
 */
class PasswordHashCompatibilityTest extends TestCase
{
    // bcryptjs.hashSync('Admin-Passw0rd!', 10) - the seeded demo admin's default password.
    private const BCRYPTJS_HASH = '$2b$10$/Xmanx5zx.iXSQQDG7xwt.ay7bHfG.uQuwM18Qc98uLWlkyESxGIi';

    public function test_php_password_verify_accepts_bcryptjs_2b_hashes(): void
    {
        $this->assertTrue(password_verify('Admin-Passw0rd!', self::BCRYPTJS_HASH));
        $this->assertFalse(password_verify('wrong', self::BCRYPTJS_HASH));
    }

    public function test_laravel_hasher_accepts_bcryptjs_2b_hashes(): void
    {
        $this->assertTrue(Hash::check('Admin-Passw0rd!', self::BCRYPTJS_HASH));
        $this->assertStringStartsWith('$2y$', Hash::make('x'));
    }
}
