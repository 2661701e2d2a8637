<?php

// The platform's services the admin calls. GATEWAY_URL is the NestJS gateway (identity, ops);
// ADMIN_SERVICE_API_KEY is the admin's own service key for the gateway's /api/ops routes
// (provisioned by `php artisan api-key:provision-service`, run by `make up`).
return [
    'gateway' => [
        'url' => rtrim(env('GATEWAY_URL', 'http://127.0.0.1:'.env('GATEWAY_PORT', '3000')), '/'),
        'api_key' => env('ADMIN_SERVICE_API_KEY'),
        'timeout' => (float) env('GATEWAY_TIMEOUT', 3),
    ],
];
