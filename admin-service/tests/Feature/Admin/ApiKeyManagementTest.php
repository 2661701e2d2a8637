<?php

namespace Tests\Feature\Admin;

use App\Models\ApiKey;
use App\Services\Gateway\GatewayHttp;
use Illuminate\Support\Facades\DB;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.api-keys.*: a key is shown once, stored as its sha256, listed by prefix and revoked; customers get 403. */
class ApiKeyManagementTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords;

    /** Creates a key through the admin and returns [row, plaintext]. */
    private function createKey(array $form): array
    {
        $response = $this->post('/api-keys', $form)->assertCreated()->assertHeader('Cache-Control', 'no-store, private');
        $this->assertSame(1, preg_match('/<input[^>]*value="(cpk_[A-Za-z0-9_-]{40})"[^>]*data-testid="plaintext-key"/', $response->getContent(), $m), 'the key is on the page');
        $key = ApiKey::query()->where('key_hash', hash('sha256', $m[1]))->firstOrFail();
        $this->removeApiKeyAfterTest($key->id);

        return [$key, $m[1]];
    }

    public function test_a_customer_gets_403_on_every_route(): void
    {
        $this->signIn('customer');
        $key = ApiKey::query()->create(['name' => 'victim', 'key_hash' => str_repeat('a', 64), 'prefix' => 'cpk_victim00', 'scopes' => ['ops:read']]);
        $this->removeApiKeyAfterTest($key->id);
        $before = ApiKey::query()->count();

        $this->get('/api-keys')->assertForbidden();
        $this->get('/api-keys/create')->assertForbidden();
        $this->post('/api-keys', ['name' => 'x', 'scopes' => ['ops:read']])->assertForbidden();
        $this->delete("/api-keys/{$key->id}")->assertForbidden();

        $this->assertSame($before, ApiKey::query()->count());
        $this->assertNull($key->fresh()->revoked_at);
    }

    public function test_create_shows_the_key_once_and_stores_only_its_hash(): void
    {
        $admin = $this->signIn();
        [$key, $plaintext] = $this->createKey(['name' => 'reindex cron', 'scopes' => ['search:reindex', 'ops:read'], 'expires_at' => now()->addDays(30)->format('Y-m-d\TH:i')]);

        $this->assertSame(substr($plaintext, 0, 12), $key->prefix);
        $this->assertSame(['search:reindex', 'ops:read'], $key->scopes);
        $this->assertSame($admin->id, $key->created_by);
        $this->assertEqualsWithDelta(now()->addDays(30)->timestamp, $key->expires_at->timestamp, 60);
        $raw = (array) DB::table('api_keys')->where('id', $key->id)->first();
        $this->assertNotContains($plaintext, array_map('strval', $raw), 'the plaintext is stored nowhere');
        $this->assertCount(1, $this->auditRowsBy($admin, 'api_key.create'));

        $list = $this->get('/api-keys')->assertOk()->assertSee($key->prefix)->assertSee('reindex cron');
        $this->assertStringNotContainsString($plaintext, $list->getContent(), 'the list never shows the key');
        $this->assertStringNotContainsString($plaintext, json_encode(session()->all()), 'nor is it flashed to the session');
    }

    /** @dataProvider invalidForms */
    public function test_invalid_input_names_the_field_and_creates_nothing(array $form, string $field): void
    {
        $admin = $this->signIn();

        $this->postJson('/api-keys', $form)->assertStatus(422)->assertJsonValidationErrors([$field]);

        $this->assertSame(0, ApiKey::query()->where('created_by', $admin->id)->count());
        $this->assertSame([], $this->auditRowsBy($admin));
    }

    public static function invalidForms(): array
    {
        return [
            'no name' => [['scopes' => ['ops:read']], 'name'],
            'no scope' => [['name' => 'x', 'scopes' => []], 'scopes'],
            'unknown scope' => [['name' => 'x', 'scopes' => ['ops:read', 'admin:all']], 'scopes.1'],
            'expiry in the past' => [['name' => 'x', 'scopes' => ['ops:read'], 'expires_at' => '2020-01-01T00:00'], 'expires_at'],
            'expiry not a date' => [['name' => 'x', 'scopes' => ['ops:read'], 'expires_at' => 'soon'], 'expires_at'],
        ];
    }

    public function test_revoke_marks_the_key_once_and_the_list_shows_its_state(): void
    {
        $admin = $this->signIn();
        [$key] = $this->createKey(['name' => 'to revoke', 'scopes' => ['ops:read']]);

        $this->delete("/api-keys/{$key->id}")->assertRedirect('/api-keys')->assertSessionHas('status');
        $revokedAt = $key->fresh()->revoked_at;
        $this->assertNotNull($revokedAt);
        $this->delete("/api-keys/{$key->id}")->assertRedirect('/api-keys');
        $this->assertEquals($revokedAt, $key->fresh()->revoked_at, 'a second revoke keeps the first time');
        $this->assertCount(1, $this->auditRowsBy($admin, 'api_key.revoke'));

        $this->get('/api-keys')->assertOk()->assertSeeInOrder(['data-prefix="'.$key->prefix.'"', 'revoked'], false);
        $this->delete('/api-keys/999999999')->assertNotFound();
    }

    /** End to end: the real gateway on :3000 verifies what the admin stored. */
    public function test_a_key_created_in_the_admin_opens_the_gateways_ops_route_until_it_is_revoked(): void
    {
        $this->signIn();
        [$key, $plaintext] = $this->createKey(['name' => 'ops dashboard', 'scopes' => ['ops:read']]);
        $gateway = fn (string $method, string $path) => app(GatewayHttp::class)->send($method, $path, $method === 'POST' ? [] : null, ['X-Api-Key' => $plaintext]);

        $ok = $gateway('GET', '/api/ops/pipeline');
        $this->assertSame(200, $ok->status, $ok->message());
        $this->assertArrayHasKey('connector', $ok->body);
        $deadline = microtime(true) + 3; // the gateway writes last_used_at after answering
        while ($key->fresh()->last_used_at === null && microtime(true) < $deadline) {
            usleep(50_000);
        }
        $this->assertNotNull($key->fresh()->last_used_at, 'the gateway records the use');
        $this->assertSame(403, $gateway('POST', '/api/ops/connector/restart')->status, 'ops:write is not in its scopes');
        $key->forceFill(['expires_at' => now()->subSecond()])->save();
        $this->assertSame(401, $gateway('GET', '/api/ops/pipeline')->status, 'an expired key is refused');
        $key->forceFill(['expires_at' => null])->save();
        $this->assertSame(200, $gateway('GET', '/api/ops/pipeline')->status);

        $this->delete("/api-keys/{$key->id}")->assertRedirect('/api-keys');

        $this->assertSame(401, $gateway('GET', '/api/ops/pipeline')->status, 'a revoked key is refused at once');
    }
}
