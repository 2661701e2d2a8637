<?php

// The platform's services the admin calls. GATEWAY_URL is the NestJS gateway (identity, ops);
// ADMIN_SERVICE_API_KEY is the admin's own service key for the gateway's /api/ops routes
// (provisioned by `php artisan api-key:provision-service`, run by `make up`).
// ELASTICSEARCH_URL: the search node, read directly for the search analytics of the dashboard
// (the gateway's search-events indices, SEARCH_EVENTS_INDEX_PREFIX-YYYY.MM.DD).
return [
    'gateway' => [
        'url' => rtrim(env('GATEWAY_URL', 'http://127.0.0.1:'.env('GATEWAY_PORT', '3000')), '/'),
        'api_key' => env('ADMIN_SERVICE_API_KEY'),
        'timeout' => (float) env('GATEWAY_TIMEOUT', 3),
    ],
    // service API keys on the admin's /admin/api/*: requests per key per window (Redis, App\Services\ApiKeys\ApiKeyRateLimiter)
    'api_keys' => [
        'rate_limit' => (int) env('CATALOG_API_KEY_RATE_LIMIT', 1800),
        'rate_window' => (int) env('CATALOG_API_KEY_RATE_TTL_SECONDS', 60),
    ],
    'elasticsearch' => [
        'url' => rtrim(env('ELASTICSEARCH_URL', 'http://127.0.0.1:9200'), '/'),
        'search_events_prefix' => env('SEARCH_EVENTS_INDEX_PREFIX', 'search-events'),
        'timeout' => (float) env('ELASTICSEARCH_TIMEOUT', 2),
    ],
];
