<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Services\Dashboard\DashboardMetrics;
use App\Services\SearchAnalytics\ZeroResultQueries;

class DashboardController extends Controller
{
    public function __invoke(DashboardMetrics $metrics, ZeroResultQueries $zeroResults)
    {
        return view('admin.dashboard', ['metrics' => $metrics->compute(), 'zeroResultQueries' => $zeroResults->top()]);
    }
}
