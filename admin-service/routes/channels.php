<?php

use App\Models\User;
use Illuminate\Support\Facades\Broadcast;

/*
| Private channels of the admin (Echo: Echo.private('admin.orders')). Only admins may listen.
|   admin.orders        every new order and every status change (dashboard, orders list)
|   admin.orders.{id}   changes of one order (its open order page)
*/

Broadcast::channel('admin.orders', fn (User $user) => $user->isAdmin());

Broadcast::channel('admin.orders.{orderId}', fn (User $user, string $orderId) => $user->isAdmin() && ctype_digit($orderId));
