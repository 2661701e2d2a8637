<?php

/*
| The same DB_* settings as the gateway (repo root .env.example / .env / environment).
| The schema itself is owned by the TypeORM migrations in api-gateway at runtime; the
| migrations in database/migrations build the identical schema (proven by
| api-gateway/test/schema/schema-parity.e2e-spec.ts) for Laravel-side tests and tooling.
*/

return [

    'default' => env('DB_CONNECTION', 'pgsql'),

    'connections' => [

        'pgsql' => [
            'driver' => 'pgsql',
            'url' => env('DATABASE_URL'),
            'host' => env('DB_HOST', '127.0.0.1'),
            'port' => env('DB_PORT', '5432'),
            'database' => env('DB_DATABASE', 'commerce'),
            'username' => env('DB_USERNAME', 'commerce'),
            'password' => env('DB_PASSWORD', ''),
            'charset' => 'utf8',
            'prefix' => '',
            'prefix_indexes' => true,
            'schema' => 'public',
            'sslmode' => 'prefer',
        ],

    ],

    // Laravel's bookkeeping table; TypeORM uses typeorm_migrations, so they never collide.
    'migrations' => 'migrations',

    'redis' => [

        'client' => env('REDIS_CLIENT', 'phpredis'),

        'default' => [
            'host' => env('REDIS_HOST', '127.0.0.1'),
            'password' => env('REDIS_PASSWORD', null),
            'port' => env('REDIS_PORT', '6379'),
            'database' => env('REDIS_DB', '0'),
        ],

    ],

];
