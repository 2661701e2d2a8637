<?php

use App\Http\Controllers\Admin\OrderController;
use App\Http\Controllers\Admin\ReportController;
use Illuminate\Support\Facades\Route;

/*
| Orders and sales reports. Required by routes/web.php inside the ['auth:gateway', 'admin'] group
| with the name prefix "admin." (paths relative to /admin).
*/

Route::get('/orders', [OrderController::class, 'index'])->name('orders.index');
Route::get('/orders/{order}', [OrderController::class, 'show'])->whereNumber('order')->name('orders.show');
Route::post('/orders/{order}/status', [OrderController::class, 'updateStatus'])->whereNumber('order')->name('orders.status');

Route::get('/reports', [ReportController::class, 'index'])->name('reports.index');
Route::get('/reports/export.csv', [ReportController::class, 'csv'])->name('reports.csv');
Route::get('/reports/export.pdf', [ReportController::class, 'pdf'])->name('reports.pdf');
