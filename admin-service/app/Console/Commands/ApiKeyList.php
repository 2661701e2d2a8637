<?php

namespace App\Console\Commands;

use App\Models\ApiKey;
use Illuminate\Console\Command;

class ApiKeyList extends Command
{
    protected $signature = 'api-key:list {--json : one JSON array instead of a table}';

    protected $description = 'List service API keys (id, prefix, scopes, last use, expiry, state); never the keys';

    public function handle(): int
    {
        $rows = ApiKey::query()->orderBy('id')->get()->map(fn (ApiKey $k) => [
            'id' => $k->id,
            'name' => $k->name,
            'prefix' => $k->prefix,
            'scopes' => implode(',', $k->scopes),
            'last_used_at' => $k->last_used_at?->toIso8601String(),
            'expires_at' => $k->expires_at?->toIso8601String(),
            'state' => $k->state(),
        ]);
        if ($this->option('json')) {
            $this->line($rows->toJson());
        } else {
            $this->table(['id', 'name', 'prefix', 'scopes', 'last used', 'expires', 'state'], $rows->map(fn ($r) => array_map(fn ($v) => $v ?? '-', $r)));
        }

        return self::SUCCESS;
    }
}
