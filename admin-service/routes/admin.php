<?php

use App\Http\Controllers\Admin\ApiKeyController;
use App\Http\Controllers\Admin\DashboardController;
use App\Http\Controllers\Admin\PipelineController;
use App\Http\Controllers\Admin\UserController;
use Illuminate\Support\Facades\Route;

/*
| The admin's pages. Required by routes/web.php inside the ['auth:gateway', 'admin'] group with
| the name prefix "admin."; paths are relative to /admin (nginx mounts the app there).
*/

Route::get('/dashboard', DashboardController::class)->name('dashboard');

Route::resource('users', UserController::class)->except('show');

Route::get('/api-keys', [ApiKeyController::class, 'index'])->name('api-keys.index');
Route::get('/api-keys/create', [ApiKeyController::class, 'create'])->name('api-keys.create');
Route::post('/api-keys', [ApiKeyController::class, 'store'])->name('api-keys.store');
Route::delete('/api-keys/{apiKey}', [ApiKeyController::class, 'revoke'])->name('api-keys.revoke');

Route::get('/pipeline', [PipelineController::class, 'index'])->name('pipeline.index');
Route::get('/pipeline/status', [PipelineController::class, 'status'])->name('pipeline.status');
Route::post('/pipeline/connector/restart', [PipelineController::class, 'restart'])->name('pipeline.restart');
