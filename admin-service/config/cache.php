<?php

// Redis cache with its own key prefix (the gateway's keys live in the same instance).
return [
    'default' => env('CACHE_DRIVER', 'redis'),

    'stores' => [
        'array' => ['driver' => 'array', 'serialize' => false],
        'redis' => ['driver' => 'redis', 'connection' => 'default'],
    ],

    'prefix' => 'admin_cache',
];
