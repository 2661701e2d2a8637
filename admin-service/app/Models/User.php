<?php

namespace App\Models;

use Illuminate\Foundation\Auth\User as Authenticatable;

/**
 * A row of `users` (schema owned by the gateway's TypeORM migrations). password_hash holds bcrypt:
 * $2b$ from the gateway (bcryptjs) or $2y$ from PHP; both verify on both sides.
 * token_version and is_disabled revoke live tokens on both apps at once (docs/api.md).
 *
 * @property int $id
 * @property string $email
 * @property string $name
 * @property string $role
 * @property bool $is_disabled
 * @property int $token_version
 */
class User extends Authenticatable
{
    public const ROLE_ADMIN = 'admin';
    public const ROLE_CUSTOMER = 'customer';

    protected $table = 'users';

    protected $fillable = ['email', 'name', 'password_hash', 'role', 'is_disabled'];

    protected $hidden = ['password_hash'];

    protected $casts = [
        'is_disabled' => 'boolean',
        'token_version' => 'integer',
    ];

    protected $attributes = [
        'role' => self::ROLE_CUSTOMER,
        'is_disabled' => false,
        'token_version' => 0,
    ];

    // there is no remember-me: sessions are the gateway's refresh tokens
    protected $rememberTokenName = '';

    public function getAuthPassword(): string
    {
        return $this->password_hash;
    }

    public function isAdmin(): bool
    {
        return $this->role === self::ROLE_ADMIN;
    }

    /** Ends every live access and refresh token of this user on both apps (docs/api.md). */
    public function revokeTokens(): void
    {
        $this->newQuery()->whereKey($this->getKey())->increment('token_version');
        $this->refresh();
    }
}
