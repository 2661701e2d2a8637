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
            // a job whose worker died is handed out again after this; ImportProducts slices run <= 30 s (timeout 80)
            'retry_after' => 90,
            'block_for' => 5,
            'after_commit' => true,
        ],
    ],

    'failed' => [
        'driver' => 'null',
    ],
];
