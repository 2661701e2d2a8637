<?php

namespace Tests\Feature\Admin;

use App\Models\User;
use App\Services\Gateway\GatewayHttp;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Str;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.users.*: CRUD, validation, self-protection, token revocation and audit, on the real database. */
class UserManagementTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords;

    private const PASSWORD = 'Sturdy-Kettle-Orbit-42';

    private function email(): string
    {
        return $this->removeUserAfterTest('pages-'.Str::lower(Str::random(10)).'@example.test');
    }

    private function form(array $overrides = []): array
    {
        return array_merge([
            'name' => 'Grace Hopper', 'email' => $this->email(), 'role' => 'customer',
            'password' => self::PASSWORD, 'password_confirmation' => self::PASSWORD, 'is_disabled' => '0',
        ], $overrides);
    }

    /** @dataProvider customerRequests */
    public function test_a_customer_gets_403_everywhere(string $method, string $uri): void
    {
        $this->signIn('customer');
        $target = $this->createGatewayUser('customer');

        $this->json($method, str_replace('{id}', (string) $target->id, $uri), $this->form())->assertForbidden();
        $this->flushHeaders();
        $this->{strtolower($method)}(str_replace('{id}', (string) $target->id, $uri), $this->form())->assertForbidden();
        $this->assertSame(0, User::query()->where('email', 'like', 'pages-%')->whereRaw("created_at > now() - interval '1 minute'")->count());
    }

    public static function customerRequests(): array
    {
        return [
            'index' => ['GET', '/users'], 'create' => ['GET', '/users/create'], 'store' => ['POST', '/users'],
            'edit' => ['GET', '/users/{id}/edit'], 'update' => ['PUT', '/users/{id}'], 'destroy' => ['DELETE', '/users/{id}'],
        ];
    }

    public function test_index_searches_by_name_or_email_and_paginates(): void
    {
        $this->signIn();
        $tag = Str::lower(Str::random(8));
        foreach (range(1, 22) as $i) {
            $this->createGatewayUser('customer', ['email' => "list-{$tag}-{$i}@example.test", 'name' => "Listed {$tag} {$i}"]);
        }

        $page1 = $this->get('/users?q='.strtoupper($tag))->assertOk()->assertSee("list-{$tag}-1@example.test");
        $this->assertSame(20, substr_count($page1->getContent(), 'data-testid="user-row"'));
        $page2 = $this->get('/users?q='.$tag.'&page=2')->assertOk();
        $this->assertSame(2, substr_count($page2->getContent(), 'data-testid="user-row"'));
        $this->get('/users?q='.$tag.'&role=admin')->assertOk()->assertSee('No users match.');
    }

    public function test_store_creates_the_account_with_a_bcrypt_hash_and_audits_it(): void
    {
        $admin = $this->signIn();
        $form = $this->form(['email' => strtoupper($this->email())]);

        $this->post('/users', $form)->assertRedirect('/users')->assertSessionHas('status');

        $user = User::query()->whereRaw('lower(email) = lower(?)', [$form['email']])->firstOrFail();
        $this->assertSame(mb_strtolower($form['email']), $user->email);
        $this->assertSame('customer', $user->role);
        $this->assertTrue(Hash::check(self::PASSWORD, $user->password_hash));
        $this->assertCount(1, $this->auditRowsBy($admin, 'user.create'));
    }

    /** @dataProvider invalidForms */
    public function test_invalid_input_names_the_field_and_writes_nothing(array $overrides, string $field): void
    {
        $admin = $this->signIn();
        $existing = $this->createGatewayUser('customer');
        $overrides = array_map(fn ($v) => $v === '{existing}' ? strtoupper($existing->email) : $v, $overrides);
        $form = $this->form($overrides);

        $this->postJson('/users', $form)->assertStatus(422)->assertJsonValidationErrors([$field]);

        $expected = $form['email'] === strtoupper($existing->email) ? 1 : 0; // only the existing row
        $this->assertSame($expected, User::query()->whereRaw('lower(email) = lower(?)', [$form['email']])->count());
        $this->assertSame([], $this->auditRowsBy($admin));
    }

    public static function invalidForms(): array
    {
        return [
            'missing name' => [['name' => ''], 'name'],
            'bad email' => [['email' => 'not-an-email'], 'email'],
            'taken email, other case' => [['email' => '{existing}'], 'email'],
            'unknown role' => [['role' => 'root'], 'role'],
            'short password' => [['password' => 'Short-pw-1', 'password_confirmation' => 'Short-pw-1'], 'password'],
            'common password' => [['password' => '1qaz2wsx3edc', 'password_confirmation' => '1qaz2wsx3edc'], 'password'],
            'no digits' => [['password' => 'Sturdy-Kettle-Orbit', 'password_confirmation' => 'Sturdy-Kettle-Orbit'], 'password'],
            'confirmation differs' => [['password_confirmation' => 'Something-else-123'], 'password'],
        ];
    }

    public function test_renaming_keeps_live_tokens_but_a_new_password_revokes_them(): void
    {
        $admin = $this->signIn();
        $target = $this->createGatewayUser('customer');
        $form = ['name' => 'Renamed', 'email' => $target->email, 'role' => 'customer', 'is_disabled' => '0'];

        $this->put("/users/{$target->id}", $form)->assertRedirect('/users');
        $this->assertSame(['Renamed', $target->token_version], [$target->fresh()->name, $target->fresh()->token_version]);

        $this->put("/users/{$target->id}", $form + ['password' => self::PASSWORD, 'password_confirmation' => self::PASSWORD])->assertRedirect('/users');
        $fresh = $target->fresh();
        $this->assertSame($target->token_version + 1, $fresh->token_version);
        $this->assertTrue(Hash::check(self::PASSWORD, $fresh->password_hash));
        $this->assertSame(['user.update', 'user.password'], array_column($this->auditRowsBy($admin), 'action'));
    }

    public function test_disabling_and_role_changes_revoke_live_tokens_and_are_audited(): void
    {
        $admin = $this->signIn();
        $target = $this->createGatewayUser('customer');

        $this->put("/users/{$target->id}", ['name' => $target->name, 'email' => $target->email, 'role' => 'customer', 'is_disabled' => '1'])->assertRedirect('/users');
        $this->assertTrue($target->fresh()->is_disabled);
        $this->assertSame($target->token_version + 1, $target->fresh()->token_version);

        $this->put("/users/{$target->id}", ['name' => $target->name, 'email' => $target->email, 'role' => 'admin', 'is_disabled' => '0'])->assertRedirect('/users');
        $this->assertSame(['admin', false, $target->token_version + 2], [$target->fresh()->role, $target->fresh()->is_disabled, $target->fresh()->token_version]);

        $rows = $this->auditRowsBy($admin);
        $this->assertSame(['user.disable', 'user.enable', 'user.update'], array_column($rows, 'action'));
        $this->assertEquals(['from' => 'customer', 'to' => 'admin'], json_decode(end($rows)->details, true)['role']);
    }

    public function test_a_json_update_without_the_disabled_flag_leaves_it_as_it_is(): void
    {
        $this->signIn();
        $target = $this->createGatewayUser('customer', ['is_disabled' => true]);

        $this->putJson("/users/{$target->id}", ['name' => 'Renamed', 'email' => $target->email, 'role' => 'customer'])->assertRedirect('/users');

        $this->assertSame(['Renamed', true], [$target->fresh()->name, $target->fresh()->is_disabled]);
    }

    public function test_an_admin_cannot_demote_or_disable_themselves(): void
    {
        $admin = $this->signIn();
        $form = ['name' => $admin->name, 'email' => $admin->email, 'role' => 'admin', 'is_disabled' => '0'];

        $this->putJson("/users/{$admin->id}", ['role' => 'customer'] + $form)
            ->assertForbidden()->assertJsonPath('errors.role.0', 'You cannot change your own role: another admin has to do it.');
        $this->putJson("/users/{$admin->id}", ['is_disabled' => '1'] + $form)
            ->assertForbidden()->assertJsonPath('errors.is_disabled.0', 'You cannot disable your own account.');
        $this->from("/users/{$admin->id}/edit")->put("/users/{$admin->id}", ['role' => 'customer'] + $form)
            ->assertRedirect("/users/{$admin->id}/edit")->assertSessionHasErrors('role');
        $this->deleteJson("/users/{$admin->id}")->assertForbidden();

        $fresh = $admin->fresh();
        $this->assertSame(['admin', false, $admin->token_version], [$fresh->role, $fresh->is_disabled, $fresh->token_version]);
        $this->assertSame([], $this->auditRowsBy($admin));
        // their own name can still be changed
        $this->putJson("/users/{$admin->id}", ['name' => 'Still Admin'] + $form)->assertRedirect('/users');
    }

    public function test_delete_removes_an_account_but_refuses_one_with_history(): void
    {
        $admin = $this->signIn();
        $plain = $this->createGatewayUser('customer');
        $withHistory = $this->createGatewayUser('customer');
        $this->removeUserAfterTest($withHistory->email); // its import batch is removed with it
        DB::table('import_batches')->insert(['user_id' => $withHistory->id, 'filename' => 'catalog.xlsx']);

        $this->delete("/users/{$plain->id}")->assertRedirect('/users');
        $this->assertNull($plain->fresh());

        $this->from("/users/{$withHistory->id}/edit")->delete("/users/{$withHistory->id}")
            ->assertRedirect("/users/{$withHistory->id}/edit")->assertSessionHasErrors('user');
        $this->assertNotNull($withHistory->fresh());
        $this->assertSame(['user.delete'], array_column($this->auditRowsBy($admin), 'action'));
    }

    public function test_create_and_edit_pages_render_the_form(): void
    {
        $this->signIn();
        $target = $this->createGatewayUser('customer');

        $this->get('/users/create')->assertOk()->assertSee('name="password_confirmation"', false);
        $this->get("/users/{$target->id}/edit")->assertOk()->assertSee($target->email)->assertSee('Delete account');
    }

    /**
     * Disabling an account or setting a new password in the admin ends its live access token on
     * both apps within 1 s: the real gateway (:3000) and the running admin behind nginx (:8080/admin)
     * both refuse it (is_disabled, resp. the token_version bump, read per request).
     *
     * @dataProvider revokingChanges
     */
    public function test_a_revoking_change_makes_the_users_live_token_401_on_both_apps_within_a_second(array $change): void
    {
        $this->signIn();
        $target = $this->createGatewayUser('admin');
        $token = $this->loginThroughGateway($target)['accessToken'];
        $gatewayMe = fn () => $this->gatewayRequest('GET', '/api/auth/me', null, $token)['status'];
        $adminPage = fn () => (new GatewayHttp('http://127.0.0.1:'.env('NGINX_PORT', '8080'), 3))
            ->send('GET', '/admin/dashboard', null, ['Authorization' => 'Bearer '.$token])->status;
        $this->assertSame([200, 200], [$gatewayMe(), $adminPage()], 'the token works on both apps before');

        $this->put("/users/{$target->id}", $change + ['name' => $target->name, 'email' => $target->email, 'role' => 'admin', 'is_disabled' => '0'])
            ->assertRedirect('/users');
        $changedAt = microtime(true);

        $statuses = [];
        while (microtime(true) - $changedAt < 1.0 && $statuses !== [401, 401]) {
            $statuses = [$gatewayMe(), $adminPage()];
        }
        $this->assertSame([401, 401], $statuses, 'gateway and admin refuse the token within 1 s');
    }

    /**
     * Disabling, a new password and a role change announce the user on the gateway's Redis channel
     * (`<prefix>auth:revocations`, `{"userId":"<id>"}`: the gateway drops the live sockets on it).
     * A real SUBSCRIBE on the shared Redis over a plain socket; renaming announces nothing.
     */
    public function test_revoking_changes_are_announced_on_the_gateways_revocation_channel(): void
    {
        $this->signIn();
        $target = $this->createGatewayUser('customer');
        $form = ['name' => $target->name, 'email' => $target->email, 'role' => 'customer', 'is_disabled' => '0'];
        $channel = config('auth.jwt.redis_key_prefix').'auth:revocations';
        $expected = ['channel' => $channel, 'message' => ['userId' => (string) $target->id]];
        $sub = $this->subscribe($channel);

        $this->put("/users/{$target->id}", ['name' => 'Renamed'] + $form)->assertRedirect('/users');
        $this->assertSame([], $this->messages($sub, 0.3), 'renaming revokes nothing');

        $this->put("/users/{$target->id}", ['is_disabled' => '1'] + $form)->assertRedirect('/users');
        $this->assertSame([$expected], $this->messages($sub), 'disabling is announced');

        $this->put("/users/{$target->id}", $form)->assertRedirect('/users'); // enabling: nothing to revoke
        $this->assertSame([], $this->messages($sub, 0.3), 'enabling revokes nothing');

        $this->put("/users/{$target->id}", ['password' => self::PASSWORD, 'password_confirmation' => self::PASSWORD] + $form)->assertRedirect('/users');
        $this->assertSame([$expected], $this->messages($sub), 'a new password is announced');

        $this->put("/users/{$target->id}", ['role' => 'admin'] + $form)->assertRedirect('/users');
        $this->assertSame([$expected], $this->messages($sub), 'a role change is announced');
        fclose($sub);
    }

    /**
     * End to end: a live Socket.IO connection of the user on the running gateway (:3000) is dropped
     * within 1 s of the admin disabling the account. The gateway's own re-check runs every
     * SOCKET_REVALIDATE_SECONDS (10 s), so without the announcement this passes only when a re-check
     * happens to fall in that second.
     */
    public function test_disabling_drops_the_users_live_socket_on_the_gateway_within_a_second(): void
    {
        $this->signIn();
        $target = $this->createGatewayUser('customer');
        $token = $this->loginThroughGateway($target)['accessToken'];
        $watch = proc_open(['node', base_path('tests/Support/socket-watch.mjs'), config('services.gateway.url')],
            [1 => ['pipe', 'w'], 2 => STDERR], $pipes, null, ['SOCKET_TOKEN' => $token, 'PATH' => getenv('PATH')]);
        $this->beforeApplicationDestroyed(fn () => proc_terminate($watch));
        $event = fn (float $timeout) => $this->readLine($pipes[1], $timeout);
        $this->assertSame(['event' => 'connected'], $event(10.0), 'socket connected');

        $this->put("/users/{$target->id}", ['name' => $target->name, 'email' => $target->email, 'role' => 'customer', 'is_disabled' => '1'])
            ->assertRedirect('/users');

        $this->assertSame(['event' => 'disconnect', 'reason' => 'io server disconnect'], $event(1.0), 'the gateway drops the socket within 1 s');
    }

    private function readLine($pipe, float $timeout): ?array
    {
        $read = [$pipe];
        $none = null;
        if (stream_select($read, $none, $none, (int) $timeout, (int) (fmod($timeout, 1) * 1e6)) < 1) {
            return null;
        }

        return json_decode((string) fgets($pipe), true);
    }

    /** @return resource a RESP connection to the shared Redis, subscribed to $channel */
    private function subscribe(string $channel)
    {
        $redis = config('database.redis.default');
        $sub = stream_socket_client("tcp://{$redis['host']}:{$redis['port']}", $errno, $error, 2);
        $this->assertNotFalse($sub, "Redis at {$redis['host']}:{$redis['port']}: {$error}");
        $command = fn (string ...$args) => fwrite($sub, '*'.count($args)."\r\n".implode('', array_map(fn ($a) => '$'.strlen($a)."\r\n{$a}\r\n", $args)));
        if (! empty($redis['password'])) {
            $command('AUTH', $redis['password']);
            $this->assertSame("+OK\r\n", fgets($sub));
        }
        $command('SUBSCRIBE', $channel);
        $this->assertSame(['subscribe', $channel, 1], $this->readReply($sub, 2.0), 'subscribed');

        return $sub;
    }

    /** The pub/sub messages that arrive within $seconds (stops early after the first when $seconds is the default). */
    private function messages($sub, float $seconds = 2.0): array
    {
        $messages = [];
        $until = microtime(true) + $seconds;
        while (($left = $until - microtime(true)) > 0) {
            $reply = $this->readReply($sub, $left);
            if ($reply === null) {
                break;
            }
            $this->assertSame('message', $reply[0]);
            $messages[] = ['channel' => $reply[1], 'message' => json_decode($reply[2], true)];
            if ($seconds === 2.0) {
                break;
            }
        }

        return $messages;
    }

    /** One RESP reply (arrays, bulk strings, integers), or null when none arrives within $timeout. */
    private function readReply($sub, float $timeout): mixed
    {
        $read = [$sub];
        $none = null;
        if (stream_select($read, $none, $none, (int) $timeout, (int) (fmod($timeout, 1) * 1e6)) < 1) {
            return null;
        }
        stream_set_timeout($sub, 2);
        $line = rtrim((string) fgets($sub), "\r\n");
        $this->assertNotSame('', $line, 'Redis closed the connection');

        return match ($line[0]) {
            '*' => array_map(fn () => $this->readReply($sub, 2.0), range(1, (int) substr($line, 1))),
            '$' => substr((string) stream_get_contents($sub, (int) substr($line, 1) + 2), 0, -2),
            ':' => (int) substr($line, 1),
            default => $this->fail("unexpected Redis reply: {$line}"),
        };
    }

    public static function revokingChanges(): array
    {
        return [
            'disabled' => [['is_disabled' => '1']],
            'new password' => [['password' => self::PASSWORD, 'password_confirmation' => self::PASSWORD]],
        ];
    }
}
