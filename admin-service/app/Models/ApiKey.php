<?php

namespace App\Models;

use App\Casts\PostgresTextArray;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

/**
 * A service-to-service key (X-Api-Key on the gateway's service routes). Only the sha256 of the
 * key is stored; `prefix` (its first 12 characters) identifies it in lists and logs.
 *
 * @property int $id
 * @property string $name
 * @property string $prefix
 * @property string[] $scopes
 * @property \Illuminate\Support\Carbon|null $expires_at
 * @property \Illuminate\Support\Carbon|null $revoked_at
 * @property \Illuminate\Support\Carbon|null $last_used_at
 */
class ApiKey extends Model
{
    /** The api_keys_scopes_check values (gateway ops, reindex trigger, the admin's /admin/api/* catalog routes). */
    public const SCOPES = ['ops:read', 'ops:write', 'search:reindex', 'catalog:read', 'catalog:write'];

    public const UPDATED_AT = null;

    protected $table = 'api_keys';

    protected $fillable = ['name', 'key_hash', 'prefix', 'scopes', 'expires_at', 'created_by'];

    protected $hidden = ['key_hash'];

    protected $casts = [
        'scopes' => PostgresTextArray::class,
        'expires_at' => 'datetime',
        'revoked_at' => 'datetime',
        'last_used_at' => 'datetime',
        'created_at' => 'datetime',
    ];

    public static function hashOf(string $plaintext): string
    {
        return hash('sha256', $plaintext);
    }

    public function creator(): BelongsTo
    {
        return $this->belongsTo(User::class, 'created_by');
    }

    /** 'active', 'revoked' or 'expired'. */
    public function state(): string
    {
        if ($this->revoked_at !== null) {
            return 'revoked';
        }

        return $this->expires_at !== null && $this->expires_at->isPast() ? 'expired' : 'active';
    }
}
