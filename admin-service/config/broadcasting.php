<?php

return [
    /*
     | Live admin updates: Laravel publishes broadcast events on Redis (PUBLISH <channel>); the
     | Echo server (admin-service/echo-server, laravel-echo-server) relays them to browsers over
     | Socket.IO and authorizes private channels through POST /admin/broadcasting/auth.
     */
    'default' => env('BROADCAST_DRIVER', 'redis'),

    'connections' => [
        'redis' => ['driver' => 'redis', 'connection' => 'default'],
        'log' => ['driver' => 'log'],
        'null' => ['driver' => 'null'],
    ],
];
