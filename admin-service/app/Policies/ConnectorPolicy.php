<?php

namespace App\Policies;

use App\Models\User;

/** The CDC pipeline page: its state is for admins, and so is restarting the Debezium connector. */
class ConnectorPolicy
{
    public function view(User $actor): bool
    {
        return $actor->isAdmin();
    }

    public function restart(User $actor): bool
    {
        return $actor->isAdmin();
    }
}
