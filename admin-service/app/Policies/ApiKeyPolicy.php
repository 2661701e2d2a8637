<?php

namespace App\Policies;

use App\Models\ApiKey;
use App\Models\User;

/** Service keys grant access to ops routes: only admins see, create and revoke them. */
class ApiKeyPolicy
{
    public function viewAny(User $actor): bool
    {
        return $actor->isAdmin();
    }

    public function create(User $actor): bool
    {
        return $actor->isAdmin();
    }

    public function revoke(User $actor, ApiKey $key): bool
    {
        return $actor->isAdmin();
    }
}
