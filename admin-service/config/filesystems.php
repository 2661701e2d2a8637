<?php

// Product images live on the `media` disk; nginx serves its root at /media/ (MEDIA_BASE_URL).
// Imports keep the uploaded file on `imports` until the worker is done with it.
return [
    'default' => 'local',

    'media_url' => env('MEDIA_BASE_URL', '/media/'),

    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        'media' => ['driver' => 'local', 'root' => env('MEDIA_ROOT') ?: storage_path('app/media')],
        'imports' => ['driver' => 'local', 'root' => env('IMPORTS_ROOT') ?: storage_path('app/imports')],
    ],
];
