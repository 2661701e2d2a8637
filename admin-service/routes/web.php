<?php

use App\Http\Controllers\ComingSoonController;
use App\Http\Controllers\HealthController;
use App\Support\AdminSections;
use Illuminate\Support\Facades\Route;

/*
| Admin panel routes. nginx serves the app under /admin (SCRIPT_NAME /admin/index.php), so
| paths here are relative to it: '/health' answers at /admin/health, '/dashboard' at /admin/dashboard.
*/

Route::get('/health', HealthController::class);

require __DIR__.'/auth.php';

Route::middleware(['auth:gateway', 'admin'])->name('admin.')->group(function () {
    Route::get('/', fn () => redirect()->route('admin.dashboard'));

    // the admin's pages (dashboard, users, API keys, pipeline, ...)
    if (is_file(__DIR__.'/admin.php')) {
        require __DIR__.'/admin.php';
    }
    // orders, reports (issue 15)
    require __DIR__.'/orders.php';

    // a sidebar section without a page yet gets a labelled "coming in a later release" page, never a 404
    Route::getRoutes()->refreshNameLookups();
    foreach (AdminSections::all() as $section) {
        if (! Route::has($section['route'])) {
            Route::get($section['path'], ComingSoonController::class)
                ->name(substr($section['route'], strlen('admin.')))
                ->defaults('section', $section['label']);
        }
    }
});
