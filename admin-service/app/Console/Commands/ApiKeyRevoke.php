<?php

namespace App\Console\Commands;

use App\Models\ApiKey;
use App\Services\ApiKeys\ApiKeyRevoker;
use Illuminate\Console\Command;

class ApiKeyRevoke extends Command
{
    protected $signature = 'api-key:revoke {key : the key id or its 12-character prefix}';

    protected $description = 'Revoke a service API key (the gateway refuses it at once)';

    public function handle(ApiKeyRevoker $revoker): int
    {
        $ref = (string) $this->argument('key');
        $matches = ApiKey::query()
            ->when(ctype_digit($ref), fn ($q) => $q->whereKey((int) $ref), fn ($q) => $q->where('prefix', $ref))
            ->get();
        if ($matches->count() !== 1) {
            $this->error($matches->isEmpty() ? "no API key with id or prefix '{$ref}'" : "prefix '{$ref}' matches {$matches->count()} keys: use the id");

            return self::FAILURE;
        }
        $key = $matches->first();
        $already = $key->revoked_at !== null;
        $revoker->revoke($key);
        $this->info($already ? "key #{$key->id} ({$key->prefix}…) was already revoked" : "revoked key #{$key->id} ({$key->prefix}…)");

        return self::SUCCESS;
    }
}
