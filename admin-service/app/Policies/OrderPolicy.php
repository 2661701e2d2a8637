<?php

namespace App\Policies;

use App\Models\Order;
use App\Models\User;

/** Orders are an admin's business; the gateway checks the role again on every status change. */
class OrderPolicy
{
    public function viewAny(User $user): bool
    {
        return $user->isAdmin();
    }

    public function view(User $user, Order $order): bool
    {
        return $user->isAdmin();
    }

    public function changeStatus(User $user, Order $order): bool
    {
        return $user->isAdmin();
    }
}
