<?php

namespace Tests\Concerns;

use App\Models\User;
use Illuminate\Support\Facades\DB;

/**
 * Admin feature tests write committed rows (the gateway must see them): users they create through
 * the admin, API keys, audit rows. Everything registered here is deleted after the test.
 */
trait RemovesAdminRecords
{
    /** @var array{emails: list<string>, keys: list<int>, actors: list<int>} */
    private array $adminRecords = ['emails' => [], 'keys' => [], 'actors' => []];

    private bool $adminCleanupRegistered = false;

    /**
     * logInAs() (LogsInThroughGateway) whose audit rows are removed after the test too. Call it
     * first in a test, so this cleanup runs while the acting user still exists.
     */
    protected function signIn(string $role = User::ROLE_ADMIN): User
    {
        $this->registerAdminCleanup(); // before logInAs(): cleanups run in registration order
        $user = $this->logInAs($role);
        $this->withCredentials(); // the access_token cookie on JSON requests too
        $this->adminRecords['actors'][] = $user->id;

        return $user;
    }

    protected function removeUserAfterTest(string $email): string
    {
        $this->registerAdminCleanup();
        $this->adminRecords['emails'][] = mb_strtolower($email);

        return $email;
    }

    protected function removeApiKeyAfterTest(int $id): int
    {
        $this->registerAdminCleanup();
        $this->adminRecords['keys'][] = $id;

        return $id;
    }

    /** Audit rows written in this test by the given actors, newest last. */
    protected function auditRowsBy(User $actor, ?string $action = null): array
    {
        return DB::table('admin_audit_log')->where('actor_user_id', $actor->id)
            ->when($action !== null, fn ($q) => $q->where('action', $action))
            ->orderBy('id')->get()->all();
    }

    private function registerAdminCleanup(): void
    {
        if ($this->adminCleanupRegistered) {
            return;
        }
        $this->adminCleanupRegistered = true;
        $this->beforeApplicationDestroyed(function () {
            $keys = $this->adminRecords['keys'];
            $users = User::query()->whereIn(DB::raw('lower(email)'), $this->adminRecords['emails'])->pluck('id')->all();
            DB::table('admin_audit_log')->where(fn ($q) => $q
                ->whereIn('actor_user_id', $this->adminRecords['actors'])
                ->orWhere(fn ($q) => $q->where('subject_type', 'users')->whereIn('subject_id', array_map('strval', $users)))
                ->orWhere(fn ($q) => $q->where('subject_type', 'api_keys')->whereIn('subject_id', array_map('strval', $keys))))->delete();
            DB::table('import_batches')->whereIn('user_id', $users)->delete();
            DB::table('api_keys')->whereIn('id', $keys)->delete();
            User::query()->whereIn('id', $users)->delete();
        });
    }
}
