<?php

use App\Http\Controllers\HealthController;
use Illuminate\Support\Facades\Route;

/*
| Admin panel routes. nginx serves the app under /admin (SCRIPT_NAME /admin/index.php), so
| paths here are relative to it: '/health' answers at /admin/health.
*/

Route::get('/health', HealthController::class);
