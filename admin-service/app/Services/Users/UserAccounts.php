<?php

namespace App\Services\Users;

use App\Models\User;
use App\Services\Audit\AuditLogger;
use App\Services\Auth\RevocationAnnouncer;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Database\QueryException;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Hash;
use Illuminate\Validation\ValidationException;

/**
 * Creates, changes and deletes user accounts, one transaction per change with its audit rows.
 * A new password, a role change or disabling bumps users.token_version: the gateway and the
 * admin's guard compare it with the token's `tv` claim on every request, so the user's live
 * tokens stop working at once on both apps; after the commit, the change is announced on the
 * gateway's `auth:revocations` channel so the user's live sockets drop at once too.
 */
class UserAccounts
{
    public function __construct(private AuditLogger $audit, private RevocationAnnouncer $revocations)
    {
    }

    /** @param array{name: string, email: string, role: string, password: string, is_disabled?: bool} $data */
    public function create(array $data, Authenticatable $actor, ?string $ip = null): User
    {
        return $this->writing(function () use ($data, $actor, $ip) {
            $user = new User();
            $user->forceFill([
                'name' => $data['name'],
                'email' => self::normalizeEmail($data['email']),
                'role' => $data['role'],
                'is_disabled' => (bool) ($data['is_disabled'] ?? false),
                'password_hash' => Hash::make($data['password']),
            ])->save();
            $this->audit->record($actor, 'user.create', $user, ['email' => $user->email, 'role' => $user->role], $ip);

            return $user;
        });
    }

    /** @param array{name?: string, email?: string, role?: string, password?: string|null, is_disabled?: bool} $data */
    public function update(User $user, array $data, Authenticatable $actor, ?string $ip = null): User
    {
        $revoke = false;
        $user = $this->writing(function () use ($user, $data, $actor, $ip, &$revoke) {
            $user = User::query()->lockForUpdate()->findOrFail($user->getKey());
            $roleBefore = $user->role;
            $user->forceFill(array_intersect_key($data, array_flip(['name', 'role'])));
            if (isset($data['email'])) {
                $user->email = self::normalizeEmail($data['email']);
            }
            if (array_key_exists('is_disabled', $data)) {
                $user->is_disabled = (bool) $data['is_disabled'];
            }
            $passwordChanged = ! empty($data['password']);
            if ($passwordChanged) {
                $user->password_hash = Hash::make($data['password']);
            }
            $changed = array_values(array_diff(array_keys($user->getDirty()), ['password_hash']));
            $revoke = $passwordChanged || $user->isDirty('role') || ($user->isDirty('is_disabled') && $user->is_disabled);
            $user->save();
            if ($revoke) {
                $user->revokeTokens();
            }
            $this->auditUpdate($user, $changed, $passwordChanged, $roleBefore, $actor, $ip);

            return $user;
        });
        // after the commit: a socket that reconnects at once must meet the new token_version
        if ($revoke) {
            $this->revocations->userRevoked($user->getKey());
        }

        return $user;
    }

    /** Refuses (422 on 'user') when the account still owns orders or imports: disable it instead. */
    public function delete(User $user, Authenticatable $actor, ?string $ip = null): void
    {
        $this->writing(function () use ($user, $actor, $ip) {
            $this->audit->record($actor, 'user.delete', $user, ['email' => $user->email, 'role' => $user->role], $ip);
            $user->delete();
        });
    }

    /** One row per kind of change: user.disable|enable, user.password, user.update (other fields, role from/to). */
    private function auditUpdate(User $user, array $changed, bool $passwordChanged, string $roleBefore, Authenticatable $actor, ?string $ip): void
    {
        $details = ['email' => $user->email];
        if (in_array('is_disabled', $changed, true)) {
            $this->audit->record($actor, $user->is_disabled ? 'user.disable' : 'user.enable', $user, $details, $ip);
        }
        if ($passwordChanged) {
            $this->audit->record($actor, 'user.password', $user, $details, $ip);
        }
        $other = array_values(array_diff($changed, ['is_disabled']));
        if ($other !== []) {
            $role = in_array('role', $other, true) ? ['role' => ['from' => $roleBefore, 'to' => $user->role]] : [];
            $this->audit->record($actor, 'user.update', $user, $details + ['changed' => $other] + $role, $ip);
        }
    }

    public static function normalizeEmail(string $email): string
    {
        return mb_strtolower(trim($email));
    }

    /** Runs $write in a transaction; constraint violations become validation errors naming the field. */
    private function writing(callable $write)
    {
        try {
            return DB::transaction($write);
        } catch (QueryException $e) {
            $constraint = $e->errorInfo[2] ?? $e->getMessage();
            if (($e->errorInfo[0] ?? null) === '23505' && str_contains($constraint, 'users_email_lower_unique')) {
                throw ValidationException::withMessages(['email' => 'The email has already been taken.']);
            }
            if (($e->errorInfo[0] ?? null) === '23503') {
                throw ValidationException::withMessages(['user' => 'This user has orders or imports and cannot be deleted; disable the account instead.']);
            }
            throw $e;
        }
    }
}
