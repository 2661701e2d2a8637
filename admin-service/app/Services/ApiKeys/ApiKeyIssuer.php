<?php

namespace App\Services\ApiKeys;

use App\Models\ApiKey;
use App\Services\Audit\AuditLogger;
use Carbon\CarbonInterface;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Support\Facades\DB;

/**
 * Creates service API keys: "cpk_" + 40 base64url characters (240 random bits). The plaintext
 * is returned once and never stored: the row keeps its sha256 and its first 12 characters.
 */
class ApiKeyIssuer
{
    public const PATTERN = '/^cpk_[A-Za-z0-9_-]{40}$/';

    public function __construct(private AuditLogger $audit)
    {
    }

    /** @return array{0: ApiKey, 1: string} the row and the plaintext key */
    public function issue(string $name, array $scopes, ?CarbonInterface $expiresAt = null, ?Authenticatable $actor = null, ?string $ip = null): array
    {
        $plaintext = 'cpk_'.rtrim(strtr(base64_encode(random_bytes(30)), '+/', '-_'), '='); // 30 bytes = 40 chars

        return [$this->store($plaintext, $name, $scopes, $expiresAt, $actor, $ip), $plaintext];
    }

    /** Stores a key whose plaintext is given (the admin's own key from ADMIN_SERVICE_API_KEY). */
    public function store(string $plaintext, string $name, array $scopes, ?CarbonInterface $expiresAt = null, ?Authenticatable $actor = null, ?string $ip = null): ApiKey
    {
        if (! preg_match(self::PATTERN, $plaintext)) {
            throw new \InvalidArgumentException('an API key is "cpk_" followed by 40 base64url characters');
        }

        return DB::transaction(function () use ($plaintext, $name, $scopes, $expiresAt, $actor, $ip) {
            $key = ApiKey::create([
                'name' => $name,
                'key_hash' => ApiKey::hashOf($plaintext),
                'prefix' => substr($plaintext, 0, 12),
                'scopes' => array_values(array_unique($scopes)),
                'expires_at' => $expiresAt,
                'created_by' => $actor?->getAuthIdentifier(),
            ]);
            $this->audit->record($actor, 'api_key.create', $key, ['name' => $name, 'prefix' => $key->prefix, 'scopes' => $key->scopes], $ip);

            return $key;
        });
    }
}
