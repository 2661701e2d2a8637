<?php

namespace App\Console\Commands;

use App\Models\ApiKey;
use App\Services\ApiKeys\ApiKeyIssuer;
use Carbon\CarbonImmutable;
use Illuminate\Console\Command;
use Illuminate\Support\Facades\Validator;

class ApiKeyCreate extends Command
{
    protected $signature = 'api-key:create
        {name : who uses the key}
        {--scope=* : ops:read, ops:write or search:reindex (repeat the option)}
        {--expires= : expiry, e.g. "2027-01-31" or "+90 days" (UTC); none by default}';

    protected $description = 'Create a service API key; prints the key once';

    public function handle(ApiKeyIssuer $issuer): int
    {
        $input = ['name' => $this->argument('name'), 'scopes' => $this->option('scope'), 'expires' => $this->absolute($this->option('expires'))];
        $validator = Validator::make($input, [
            'name' => ['required', 'string', 'max:120'],
            'scopes' => ['required', 'array', 'min:1'],
            'scopes.*' => ['in:'.implode(',', ApiKey::SCOPES)],
            'expires' => ['nullable', 'date', 'after:now'],
        ], [
            'scopes.*.in' => 'unknown scope :input (scopes: '.implode(', ', ApiKey::SCOPES).')',
            'scopes.required' => 'give at least one --scope',
            'expires.date' => '--expires is not a date',
            'expires.after' => '--expires must be in the future',
        ]);
        if ($validator->fails()) {
            foreach ($validator->errors()->all() as $error) {
                $this->error($error);
            }

            return self::INVALID;
        }
        $expires = $input['expires'] ? CarbonImmutable::parse($input['expires']) : null;
        [$key, $plaintext] = $issuer->issue($input['name'], $input['scopes'], $expires);

        // the key alone on stdout (KEY=$(php artisan api-key:create ...)); the rest on stderr
        $this->line($plaintext);
        $this->getOutput()->getErrorStyle()->writeln("<info>created key #{$key->id} ({$key->prefix}…), scopes ".implode(',', $key->scopes)
            .', expires '.($expires?->toIso8601String() ?? 'never').'. It is shown only this once.</info>');

        return self::SUCCESS;
    }

    /** "+90 days" or "2027-01-31" -> an ISO 8601 UTC time; unparsable text is passed on for the date rule to reject. */
    private function absolute(?string $expires): ?string
    {
        if ($expires === null || $expires === '') {
            return null;
        }
        try {
            return CarbonImmutable::parse($expires, 'UTC')->toIso8601String();
        } catch (\Throwable) {
            return $expires;
        }
    }
}
