<?php

namespace Tests\Feature\Catalog;

use App\Models\ApiKey;
use App\Models\ImportBatch;
use App\Models\Product;
use App\Models\User;
use App\Services\ApiKeys\ApiKeyIssuer;
use Illuminate\Http\UploadedFile;
use Illuminate\Log\Events\MessageLogged;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** /admin/api/*: API key scopes or the shared JWT (Bearer), resources, validation, policies. */
class CatalogApiTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    private function key(array $scopes, ?User $owner = null, array $row = []): string
    {
        [$key, $plaintext] = app(ApiKeyIssuer::class)->issue('catalog test '.$this->catalogTag(), $scopes, null, $owner);
        $this->removeApiKeyAfterTest($key->id);
        if ($row) {
            DB::table('api_keys')->where('id', $key->id)->update($row);
        }

        return $plaintext;
    }

    private function api(string $method, string $uri, array $data = [], array $headers = [])
    {
        $this->flushHeaders();
        $this->unencryptedCookies = [];
        $this->defaultCookies = [];
        $this->withCredentials = false; // the API takes no cookies: only X-Api-Key or Bearer

        return $this->json($method, '/api'.$uri, $data, $headers);
    }

    private function productBody(array $overrides = []): array
    {
        return array_merge(['sku' => $this->catalogTag().'-API1', 'name' => 'Api lamp '.$this->catalogTag(), 'price' => 12.5,
            'category_id' => $this->category('Api')->id, 'brand_id' => $this->brand()->id, 'status' => 'active', 'on_hand' => 3,
            'attributes' => [['key' => 'color', 'value' => 'green']]], $overrides);
    }

    public function test_who_may_call(): void
    {
        $admin = $this->signIn();
        $this->api('GET', '/products')->assertStatus(401)->assertJsonPath('message', 'Send X-Api-Key (scope catalog:read / catalog:write) or Authorization: Bearer <access token>');
        $this->api('GET', '/products', [], ['X-Api-Key' => 'cpk_'.str_repeat('x', 40)])->assertStatus(401)->assertJsonPath('message', 'Invalid API key');
        $this->api('GET', '/products', [], ['X-Api-Key' => $this->key(['catalog:read'], $admin, ['revoked_at' => now()])])->assertStatus(401)->assertJsonPath('message', 'API key revoked');
        $this->api('GET', '/products', [], ['X-Api-Key' => $this->key(['catalog:read'], $admin, ['expires_at' => now()->subMinute()])])->assertStatus(401)->assertJsonPath('message', 'API key expired');
        $this->api('GET', '/products', [], ['X-Api-Key' => $this->key(['ops:read'])])->assertForbidden();
        $this->api('GET', '/products?perPage=1', [], ['X-Api-Key' => $this->key(['catalog:read'])])->assertOk()->assertJsonStructure(['data' => [['id', 'sku', 'price', 'stock']], 'meta' => ['total']]);
        $this->api('GET', '/products?perPage=1', [], ['Authorization' => 'Bearer '.$this->gatewayTokens['accessToken']])->assertOk();
        $this->api('GET', '/products', [], ['Authorization' => 'Bearer not-a-token'])->assertStatus(401);

        $customer = $this->createGatewayUser('customer');
        $customerToken = $this->loginThroughGateway($customer)['accessToken'];
        $this->api('GET', '/products', [], ['Authorization' => 'Bearer '.$customerToken])->assertForbidden();
    }

    /** A per-key limit in Redis: over it 429 + Retry-After, other keys unaffected; logged by id and prefix, never by the key. */
    public function test_a_key_is_rate_limited_and_logged_by_id_never_by_the_key(): void
    {
        config(['services.api_keys.rate_limit' => 3]);
        $plaintext = $this->key(['catalog:read']);
        $key = ApiKey::query()->where('key_hash', ApiKey::hashOf($plaintext))->firstOrFail();
        $bucket = 'throttle:catalog-api:key:'.$key->id;
        $redis = app('redis')->connection();
        $this->beforeApplicationDestroyed(fn () => $redis->del("$bucket:hits", "$bucket:block"));
        $logged = [];
        Log::listen(function (MessageLogged $e) use (&$logged) {
            $logged[] = $e;
        });

        for ($i = 0; $i < 3; $i++) {
            $this->api('GET', '/products?perPage=1', [], ['X-Api-Key' => $plaintext])->assertOk();
        }
        $limited = $this->api('GET', '/products?perPage=1', [], ['X-Api-Key' => $plaintext])->assertStatus(429)
            ->assertJsonPath('message', "Rate limit of API key {$key->prefix} exceeded");
        $this->assertThat((int) $limited->headers->get('Retry-After'), $this->logicalAnd($this->greaterThan(0), $this->lessThanOrEqual(60)));
        $this->assertGreaterThan(0, $redis->pttl("$bucket:block"), 'the block is in Redis: every php-fpm worker sees it');
        $this->api('GET', '/products?perPage=1', [], ['X-Api-Key' => $this->key(['catalog:read'])])->assertOk();

        $lines = collect($logged)->filter(fn (MessageLogged $e) => ($e->context['apiKeyId'] ?? null) === $key->id);
        $this->assertSame(array_merge(array_fill(0, 3, 'info catalog api: key request'), ['warning catalog api: key rate-limited']),
            $lines->map(fn (MessageLogged $e) => "$e->level $e->message")->values()->all());
        $this->assertTrue($lines->every(fn (MessageLogged $e) => $e->context['apiKeyPrefix'] === $key->prefix), 'logged with the prefix');
        $this->assertFalse(collect($logged)->contains(fn (MessageLogged $e) => str_contains($e->message.json_encode($e->context), $plaintext)), 'never the key');
    }

    public function test_a_read_key_cannot_write_and_a_write_key_can(): void
    {
        $this->signIn();
        $body = $this->productBody();
        $this->api('POST', '/products', $body, ['X-Api-Key' => $this->key(['catalog:read'])])->assertForbidden();
        $this->assertFalse(Product::withTrashed()->where('sku', $body['sku'])->exists());

        $write = ['X-Api-Key' => $this->key(['catalog:write'])];
        $created = $this->api('POST', '/products', $body, $write)->assertCreated()
            ->assertJsonPath('data.sku', $body['sku'])->assertJsonPath('data.price', '12.50')->assertJsonPath('data.attributes.color', 'green')
            ->assertJsonPath('data.stock.onHand', 3);
        $id = $created->json('data.id');
        $this->assertMatchesRegularExpression('/^'.$id.'\.\d+$/', $created->headers->get('X-Consistency-Token'));

        $this->api('PUT', "/products/$id", $this->productBody(['price' => -1]), $write)->assertStatus(422)->assertJsonValidationErrors('price');
        $this->api('DELETE', "/products/$id", [], $write)->assertOk();
        $this->assertNotNull(Product::withTrashed()->find($id)->deleted_at);
        $this->api('POST', "/products/$id/restore", [], $write)->assertOk()->assertJsonPath('data.deletedAt', null);
        $this->api('GET', "/products/$id", [], $write)->assertOk()->assertJsonPath('data.images', []);
    }

    public function test_categories_tree_and_cycle_refusal(): void
    {
        $this->signIn();
        $a = $this->category('A');
        $b = $this->category('B', $a);
        $write = ['X-Api-Key' => $this->key(['catalog:write'])];
        $tree = collect($this->api('GET', '/categories', [], $write)->assertOk()->json('data'));
        $this->assertSame($a->id, $tree->firstWhere('id', $b->id)['parentId']);

        $this->api('PUT', "/categories/{$a->id}", ['name' => $a->name, 'parent_id' => $b->id], $write)
            ->assertStatus(422)->assertJsonValidationErrors('parent_id');
        $this->api('PUT', "/categories/{$b->id}", ['name' => $b->name, 'parent_id' => null], $write)->assertOk()->assertJsonPath('data.depth', 0);
    }

    public function test_import_through_the_api_with_the_key_owners_batch(): void
    {
        $this->useTemporaryDisk('imports');
        // registered before signIn(): the batch goes before its user
        $this->beforeApplicationDestroyed(fn () => DB::table('import_batches')->where('filename', 'like', $this->catalogTag().'%')->delete());
        $admin = $this->signIn();
        $cat = $this->category('I');
        $brand = $this->brand();
        $file = tempnam(sys_get_temp_dir(), 'csv');
        file_put_contents($file, "sku,name,price,category,brand\n{$this->catalogTag()}-API9,Lamp,3,{$cat->id},{$brand->name}\n");
        $upload = fn () => new UploadedFile($file, $this->catalogTag().'.csv', 'text/csv', null, true);

        $this->api('POST', '/imports', ['file' => $upload()], ['X-Api-Key' => $this->key(['catalog:write'])])
            ->assertStatus(422)->assertJsonValidationErrors('X-Api-Key');
        $id = $this->api('POST', '/imports', ['file' => $upload()], ['X-Api-Key' => $this->key(['catalog:write'], $admin)])
            ->assertStatus(202)->json('data.id');
        $this->api('GET', "/imports/$id", [], ['X-Api-Key' => $this->key(['catalog:read'])])->assertOk()
            ->assertJsonPath('data.status', 'completed')->assertJsonPath('data.processedRows', 1);
        $this->assertSame($admin->id, ImportBatch::query()->find($id)->user_id);
    }
}
