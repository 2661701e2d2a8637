<?php

namespace App\Http\Controllers\Catalog;

use App\Http\Controllers\Controller;
use App\Http\Requests\Catalog\BulkProductsRequest;
use App\Services\Catalog\BulkProductActions;
use App\Services\Catalog\ProductFilter;

class BulkProductController extends Controller
{
    public function __invoke(BulkProductsRequest $request, BulkProductActions $actions)
    {
        $data = $request->validated();
        $target = $data['scope'] === 'selected' ? ['ids' => $data['ids']] : ['filter' => ProductFilter::from($data['filter'] ?? [])];
        $result = $actions->request($data['action'], $target, $request->only(['category_id', 'status', 'percent']));
        $message = $result['queued']
            ? "{$result['count']} products: the action is queued and runs in one transaction."
            : "{$data['action']}: {$result['count']} product(s) changed.";

        return $request->wantsJson() ? response()->json($result) : back()->with('success', $message);
    }
}
