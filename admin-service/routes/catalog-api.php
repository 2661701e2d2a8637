<?php

use App\Http\Controllers\Api\CategoryApiController;
use App\Http\Controllers\Api\ImportApiController;
use App\Http\Controllers\Api\ProductApiController;
use Illuminate\Support\Facades\Route;

/*
| The catalog's JSON API for scripts, at /admin/api/* (RouteServiceProvider: middleware catalog.api =
| X-Api-Key with catalog:read|catalog:write, or Authorization: Bearer <admin access token>).
*/

Route::get('/products', [ProductApiController::class, 'index'])->name('products.index');
Route::post('/products', [ProductApiController::class, 'store'])->name('products.store');
Route::get('/products/{product}', [ProductApiController::class, 'show'])->whereNumber('product')->name('products.show');
Route::put('/products/{product}', [ProductApiController::class, 'update'])->name('products.update');
Route::delete('/products/{product}', [ProductApiController::class, 'destroy'])->name('products.destroy');
Route::post('/products/{product}/restore', [ProductApiController::class, 'restore'])->whereNumber('product')->name('products.restore');

Route::get('/categories', [CategoryApiController::class, 'index'])->name('categories.index');
Route::post('/categories', [CategoryApiController::class, 'store'])->name('categories.store');
Route::put('/categories/{category}', [CategoryApiController::class, 'update'])->name('categories.update');

Route::post('/imports', [ImportApiController::class, 'store'])->name('imports.store');
Route::get('/imports/{import}', [ImportApiController::class, 'show'])->name('imports.show');
