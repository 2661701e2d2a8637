<?php

namespace App\Console\Commands;

use App\Models\ApiKey;
use App\Services\ApiKeys\ApiKeyIssuer;
use Illuminate\Console\Command;

/**
 * Makes sure the admin's own service key (ADMIN_SERVICE_API_KEY) exists, so the Pipeline page can
 * call the gateway's ops routes. Run by `make up` (runtime/components/php-fpm.sh); idempotent.
 * A revoked key is never revived: a new value must be configured.
 */
class ApiKeyProvisionService extends Command
{
    public const NAME = 'admin service (ADMIN_SERVICE_API_KEY)';

    public const SCOPES = ['ops:read', 'ops:write'];

    protected $signature = 'api-key:provision-service';

    protected $description = "Create the admin's own service API key from ADMIN_SERVICE_API_KEY if it does not exist";

    public function handle(ApiKeyIssuer $issuer): int
    {
        $plaintext = (string) config('services.gateway.api_key');
        if ($plaintext === '') {
            $this->warn('ADMIN_SERVICE_API_KEY is not set: the Pipeline page will show the gateway as unreachable');

            return self::SUCCESS;
        }
        if (! preg_match(ApiKeyIssuer::PATTERN, $plaintext)) {
            $this->error('ADMIN_SERVICE_API_KEY must be "cpk_" followed by 40 base64url characters');

            return self::INVALID;
        }
        $existing = ApiKey::query()->where('key_hash', ApiKey::hashOf($plaintext))->first();
        if ($existing === null) {
            $key = $issuer->store($plaintext, self::NAME, self::SCOPES);
            $this->info("created the admin's service key #{$key->id} ({$key->prefix}…)");
        } elseif ($existing->state() !== 'active') {
            $this->warn("the admin's service key #{$existing->id} ({$existing->prefix}…) is {$existing->state()}: set a new ADMIN_SERVICE_API_KEY");
        } else {
            $this->info("the admin's service key #{$existing->id} ({$existing->prefix}…) exists");
        }

        return self::SUCCESS;
    }
}
