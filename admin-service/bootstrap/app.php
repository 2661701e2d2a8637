<?php

/*
|--------------------------------------------------------------------------
| Create The Application
|--------------------------------------------------------------------------
*/

$app = new Illuminate\Foundation\Application(
    $_ENV['APP_BASE_PATH'] ?? dirname(__DIR__)
);

/*
|--------------------------------------------------------------------------
| Environment
|--------------------------------------------------------------------------
| Both apps share the repository root's settings: real environment variables win, then
| <repo>/.env (loaded by Laravel itself, optional), then <repo>/.env.example (the defaults
| `make up` runs with). The same precedence as runtime/lib.sh and the gateway.
*/

$repoRoot = dirname(__DIR__, 2);
if (is_file($repoRoot.'/.env.example')) {
    Dotenv\Dotenv::create(Illuminate\Support\Env::getRepository(), $repoRoot, '.env.example')->safeLoad();
}
$app->useEnvironmentPath($repoRoot);

/*
|--------------------------------------------------------------------------
| Bind Important Interfaces
|--------------------------------------------------------------------------
*/

$app->singleton(
    Illuminate\Contracts\Http\Kernel::class,
    App\Http\Kernel::class
);

$app->singleton(
    Illuminate\Contracts\Console\Kernel::class,
    App\Console\Kernel::class
);

$app->singleton(
    Illuminate\Contracts\Debug\ExceptionHandler::class,
    App\Exceptions\Handler::class
);

return $app;
