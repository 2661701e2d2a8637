<?php

// Slow admin work (bulk imports, image processing) runs as queued Jobs on Redis,
// consumed by `php artisan queue:work` (the admin-worker component).
return [
    'default' => env('QUEUE_CONNECTION', 'redis'),

    'connections' => [
        'sync' => ['driver' => 'sync'],
        'redis' => [
            'driver' => 'redis',
            'connection' => 'default',
            'queue' => env('ADMIN_QUEUE', 'admin'),
            'retry_after' => 300,
            'block_for' => 5,
            'after_commit' => true,
        ],
    ],

    'failed' => [
        'driver' => 'null',
    ],
];
