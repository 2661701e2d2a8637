<?php

namespace Tests\Feature\Admin;

use App\Console\Commands\ApiKeyProvisionService;
use App\Models\ApiKey;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\DB;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** api-key:create|list|revoke|provision-service on the real database. */
class ApiKeyCommandsTest extends TestCase
{
    use RemovesAdminRecords;

    /** Runs a command; returns [exit code, stdout]. */
    private function runCommand(string $command, array $args = []): array
    {
        $code = Artisan::call($command, $args);

        return [$code, Artisan::output()];
    }

    private function created(string $stdout): ApiKey
    {
        $this->assertSame(1, preg_match('/^(cpk_[A-Za-z0-9_-]{40})$/m', $stdout, $m), "a key on stdout: $stdout");
        $key = ApiKey::query()->where('key_hash', hash('sha256', $m[1]))->firstOrFail();
        $this->removeApiKeyAfterTest($key->id);

        return $key;
    }

    public function test_create_prints_the_key_once_and_stores_its_hash_scopes_and_expiry(): void
    {
        [$code, $out] = $this->runCommand('api-key:create', ['name' => 'cron', '--scope' => ['search:reindex', 'ops:read'], '--expires' => '+90 days']);

        $this->assertSame(0, $code);
        $key = $this->created($out);
        $this->assertSame(['cron', ['search:reindex', 'ops:read'], null], [$key->name, $key->scopes, $key->created_by]);
        $this->assertEqualsWithDelta(now()->addDays(90)->timestamp, $key->expires_at->timestamp, 60);
        $this->assertSame(1, DB::table('admin_audit_log')->where(['action' => 'api_key.create', 'subject_id' => (string) $key->id])->count());
    }

    /** @dataProvider invalidArguments */
    public function test_invalid_arguments_fail_with_a_message_and_create_nothing(array $args, string $message): void
    {
        $args += ['name' => 'invalid-'.uniqid()];

        [$code, $out] = $this->runCommand('api-key:create', $args);

        $this->assertNotSame(0, $code);
        $this->assertStringContainsString($message, $out);
        $this->assertSame(0, ApiKey::query()->where('name', $args['name'])->count());
    }

    public static function invalidArguments(): array
    {
        return [
            'no scope' => [[], 'give at least one --scope'],
            'unknown scope' => [['--scope' => ['ops:read', 'root']], 'unknown scope root'],
            'past expiry' => [['--scope' => ['ops:read'], '--expires' => '2020-01-01'], 'expires'],
            'long name' => [['name' => str_repeat('n', 121), '--scope' => ['ops:read']], 'name'],
        ];
    }

    public function test_list_shows_prefix_scopes_and_state_but_never_a_key(): void
    {
        [, $out] = $this->runCommand('api-key:create', ['name' => 'listed', '--scope' => ['ops:read']]);
        $key = $this->created($out);
        $plaintext = trim($out);

        [$code, $json] = $this->runCommand('api-key:list', ['--json' => true]);
        $this->assertSame(0, $code);
        $row = collect(json_decode($json, true))->firstWhere('id', $key->id);
        $this->assertSame(['listed', $key->prefix, 'ops:read', 'active'], [$row['name'], $row['prefix'], $row['scopes'], $row['state']]);
        $this->assertStringNotContainsString($plaintext, $json);
        [, $table] = $this->runCommand('api-key:list');
        $this->assertStringContainsString($key->prefix, $table);
    }

    public function test_revoke_by_id_or_prefix_and_unknown_keys_fail(): void
    {
        [, $out] = $this->runCommand('api-key:create', ['name' => 'doomed', '--scope' => ['ops:read']]);
        $key = $this->created($out);

        $this->assertSame(0, $this->runCommand('api-key:revoke', ['key' => $key->prefix])[0]);
        $this->assertSame('revoked', $key->fresh()->state());
        [$code, $again] = $this->runCommand('api-key:revoke', ['key' => (string) $key->id]);
        $this->assertSame([0, true], [$code, str_contains($again, 'already revoked')]);

        [$code, $missing] = $this->runCommand('api-key:revoke', ['key' => 'cpk_nothing!']);
        $this->assertSame(1, $code);
        $this->assertStringContainsString("no API key with id or prefix 'cpk_nothing!'", $missing);
    }

    public function test_provisioning_the_admins_key_is_idempotent_and_never_revives_a_revoked_key(): void
    {
        $plaintext = 'cpk_'.substr(strtr(base64_encode(random_bytes(30)), '+/', '-_'), 0, 40);
        config(['services.gateway.api_key' => $plaintext]);

        $this->assertSame(0, $this->runCommand('api-key:provision-service')[0]);
        $key = ApiKey::query()->where('key_hash', hash('sha256', $plaintext))->firstOrFail();
        $this->removeApiKeyAfterTest($key->id);
        $this->assertSame([ApiKeyProvisionService::SCOPES, 'active'], [$key->scopes, $key->state()]);

        $this->assertSame(0, $this->runCommand('api-key:provision-service')[0]);
        $this->assertSame(1, ApiKey::query()->where('key_hash', hash('sha256', $plaintext))->count(), 'run twice, one row');

        $key->forceFill(['revoked_at' => now()])->save();
        [$code, $out] = $this->runCommand('api-key:provision-service');
        $this->assertSame(0, $code);
        $this->assertStringContainsString('is revoked: set a new ADMIN_SERVICE_API_KEY', $out);
        $this->assertSame('revoked', $key->fresh()->state());

        config(['services.gateway.api_key' => 'not-a-key']);
        $this->assertSame(2, $this->runCommand('api-key:provision-service')[0], 'a malformed key is an error');
    }
}
