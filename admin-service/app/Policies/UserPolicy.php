<?php

namespace App\Policies;

use App\Models\User;
use Illuminate\Auth\Access\Response;

/** Admins manage accounts, but never lock themselves out (no self demotion, disabling or deletion). */
class UserPolicy
{
    public function viewAny(User $actor): bool
    {
        return $actor->isAdmin();
    }

    public function create(User $actor): bool
    {
        return $actor->isAdmin();
    }

    public function update(User $actor, User $target): bool
    {
        return $actor->isAdmin();
    }

    public function changeRole(User $actor, User $target): Response
    {
        return $actor->is($target)
            ? Response::deny('You cannot change your own role: another admin has to do it.')
            : $this->adminOnly($actor);
    }

    public function disable(User $actor, User $target): Response
    {
        return $actor->is($target)
            ? Response::deny('You cannot disable your own account.')
            : $this->adminOnly($actor);
    }

    public function delete(User $actor, User $target): Response
    {
        return $actor->is($target)
            ? Response::deny('You cannot delete your own account.')
            : $this->adminOnly($actor);
    }

    private function adminOnly(User $actor): Response
    {
        return $actor->isAdmin() ? Response::allow() : Response::deny('This area is for administrators only.');
    }
}
