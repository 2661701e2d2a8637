<?php

namespace App\Services\ApiKeys;

use App\Models\ApiKey;
use App\Services\Audit\AuditLogger;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Support\Facades\DB;

/** Revokes a key at once: the gateway reads revoked_at on every request. */
class ApiKeyRevoker
{
    public function __construct(private AuditLogger $audit)
    {
    }

    /** Idempotent: revoking a revoked key keeps its first revocation time and writes no audit row. */
    public function revoke(ApiKey $key, ?Authenticatable $actor = null, ?string $ip = null): ApiKey
    {
        if ($key->revoked_at !== null) {
            return $key;
        }

        return DB::transaction(function () use ($key, $actor, $ip) {
            $key->forceFill(['revoked_at' => now()])->save();
            $this->audit->record($actor, 'api_key.revoke', $key, ['prefix' => $key->prefix], $ip);

            return $key;
        });
    }
}
