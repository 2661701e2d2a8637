<?php

namespace App\Providers;

use Illuminate\Support\Facades\Broadcast;
use Illuminate\Support\ServiceProvider;

/**
 * POST /broadcasting/auth (at /admin/broadcasting/auth behind nginx): the Echo server forwards a
 * browser's cookies here to authorize a private channel, so the shared gateway identity (the
 * access_token cookie, verified by the `gateway` guard) decides who may listen.
 */
class BroadcastServiceProvider extends ServiceProvider
{
    public function boot()
    {
        Broadcast::routes(['middleware' => ['web', 'auth:gateway', 'admin']]);

        require base_path('routes/channels.php');
    }
}
