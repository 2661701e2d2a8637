<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Services\Catalog\SearchVisibility;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;

/** JSON for the "live in search" badge: {live: true|false|null} (null = the gateway could not tell). */
class ProductSearchStatusController extends Controller
{
    public function __invoke(Request $request, SearchVisibility $search)
    {
        $request->validate(['token' => ['required', 'string', 'regex:/^\d+\.\d+$/']]);

        return response()->json(['live' => $search->isLive($request->query('token'), Auth::guard('gateway')->token()->token)]);
    }
}
