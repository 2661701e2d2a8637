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

// Catalog (issue 14): products, images, bulk actions, categories, imports, exports
Route::get('/products', [\App\Http\Controllers\Catalog\ProductController::class, 'index'])->name('products.index');
Route::get('/products/create', [\App\Http\Controllers\Catalog\ProductController::class, 'create'])->name('products.create');
Route::post('/products', [\App\Http\Controllers\Catalog\ProductController::class, 'store'])->name('products.store');
Route::post('/products/bulk', \App\Http\Controllers\Catalog\BulkProductController::class)->name('products.bulk');
Route::get('/products/search-status', \App\Http\Controllers\Catalog\ProductSearchStatusController::class)->name('products.search-status');
Route::get('/products/{product}/edit', [\App\Http\Controllers\Catalog\ProductController::class, 'edit'])->whereNumber('product')->name('products.edit');
Route::put('/products/{product}', [\App\Http\Controllers\Catalog\ProductController::class, 'update'])->name('products.update');
Route::delete('/products/{product}', [\App\Http\Controllers\Catalog\ProductController::class, 'destroy'])->name('products.destroy');
Route::post('/products/{product}/restore', [\App\Http\Controllers\Catalog\ProductController::class, 'restore'])->whereNumber('product')->name('products.restore');
Route::delete('/products/{product}/force', [\App\Http\Controllers\Catalog\ProductController::class, 'forceDelete'])->whereNumber('product')->name('products.force-delete');
Route::get('/products/{product}/images', [\App\Http\Controllers\Catalog\ProductImageController::class, 'index'])->name('products.images.index');
Route::post('/products/{product}/images', [\App\Http\Controllers\Catalog\ProductImageController::class, 'store'])->name('products.images.store');
Route::put('/products/{product}/images/order', [\App\Http\Controllers\Catalog\ProductImageController::class, 'reorder'])->name('products.images.reorder');
Route::delete('/products/{product}/images/{image}', [\App\Http\Controllers\Catalog\ProductImageController::class, 'destroy'])->name('products.images.destroy');
Route::get('/categories', [\App\Http\Controllers\Catalog\CategoryController::class, 'index'])->name('categories.index');
Route::post('/categories', [\App\Http\Controllers\Catalog\CategoryController::class, 'store'])->name('categories.store');
Route::post('/categories/move', [\App\Http\Controllers\Catalog\CategoryController::class, 'move'])->name('categories.move');
Route::put('/categories/{category}', [\App\Http\Controllers\Catalog\CategoryController::class, 'update'])->name('categories.update');
Route::delete('/categories/{category}', [\App\Http\Controllers\Catalog\CategoryController::class, 'destroy'])->name('categories.destroy');
Route::get('/imports', [\App\Http\Controllers\Catalog\ImportController::class, 'index'])->name('imports.index');
Route::post('/imports', [\App\Http\Controllers\Catalog\ImportController::class, 'store'])->name('imports.store');
Route::get('/imports/{import}', [\App\Http\Controllers\Catalog\ImportController::class, 'show'])->name('imports.show');
Route::get('/imports/{import}/progress', [\App\Http\Controllers\Catalog\ImportController::class, 'progress'])->name('imports.progress');
Route::get('/imports/{import}/errors.csv', [\App\Http\Controllers\Catalog\ImportController::class, 'errors'])->name('imports.errors');
Route::get('/products/export.{format}', \App\Http\Controllers\Catalog\ExportController::class)->where('format', 'csv|xlsx')->name('products.export');
