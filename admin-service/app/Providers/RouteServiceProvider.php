<?php

namespace App\Providers;

use Illuminate\Foundation\Support\Providers\RouteServiceProvider as ServiceProvider;
use Illuminate\Support\Facades\Route;

class RouteServiceProvider extends ServiceProvider
{
    /**
     * Define the routes of the application (routes/web.php, when present).
     */
    public function boot()
    {
        $this->routes(function () {
            // the catalog's JSON API for scripts (/admin/api/*): API key or Bearer JWT, no session/CSRF
            if (is_file(base_path('routes/catalog-api.php'))) {
                Route::prefix('api')->middleware(['catalog.api', 'bindings'])->name('api.')->group(base_path('routes/catalog-api.php'));
            }
            if (is_file(base_path('routes/web.php'))) {
                Route::middleware('web')->group(base_path('routes/web.php'));
            }
        });
    }
}
