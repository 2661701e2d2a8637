<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Http\Requests\Orders\ChangeOrderStatusRequest;
use App\Http\Requests\Orders\ListOrdersRequest;
use App\Models\Order;
use App\Services\Orders\OrderSearch;
use App\Services\Orders\OrderStateMachineSource;
use App\Services\Orders\OrderStatusChanger;
use Illuminate\Support\Facades\Auth;

class OrderController extends Controller
{
    public function index(ListOrdersRequest $request, OrderSearch $search, OrderStateMachineSource $machine)
    {
        return view('admin.orders.index', [
            'orders' => $search->paginate($request->filters(), (int) config('orders.per_page')),
            'statuses' => $machine->machine()->statuses,
            'filters' => $request->validated(),
            'timezone' => config('orders.timezone'),
        ]);
    }

    public function show(Order $order, OrderStateMachineSource $machine)
    {
        $this->authorize('view', $order);
        $order->load(['customer:id,email,name', 'items', 'payments', 'statusChanges.actor:id,email,name']);

        return view('admin.orders.show', [
            'order' => $order,
            'moves' => $machine->machine()->movesFrom($order->status),
            'statuses' => $machine->machine()->statuses,
            'timezone' => config('orders.timezone'),
        ]);
    }

    public function updateStatus(ChangeOrderStatusRequest $request, Order $order, OrderStatusChanger $changer)
    {
        $from = $order->status;
        $to = $changer->change($order, $request->validated()['status'], Auth::guard('gateway')->token()->token);
        if ($request->expectsJson()) {
            return response()->json(['id' => $order->id, 'number' => $order->number, 'previousStatus' => $from, 'status' => $to]);
        }

        return redirect()->route('admin.orders.show', $order)->with('success', "Order {$order->number} moved from {$from} to {$to}.");
    }
}
