<?php

namespace App\Services\Orders;

use App\Models\Order;
use Illuminate\Contracts\Pagination\LengthAwarePaginator;
use Illuminate\Database\Eloquent\Builder;

/**
 * The admin's order list, newest first. Each filter maps onto an index (docs/schema.sql):
 * status -> orders_status_created_at_index, dates -> orders_created_at_index, email ->
 * users_email_lower_unique + orders_user_id_created_at_index, total -> orders_total_index,
 * sku -> order_items_sku_index (semi-join).
 */
class OrderSearch
{
    public function paginate(OrderFilters $f, int $perPage): LengthAwarePaginator
    {
        return $this->query($f)
            ->with('customer:id,email,name')
            ->orderByDesc('created_at')->orderByDesc('id')
            ->paginate($perPage)
            ->withQueryString();
    }

    public function query(OrderFilters $f): Builder
    {
        return Order::query()
            ->select(['id', 'number', 'user_id', 'status', 'currency', 'total', 'created_at'])
            ->when($f->status, fn (Builder $q, string $s) => $q->where('status', $s))
            ->when($f->from, fn (Builder $q, $from) => $q->where('created_at', '>=', $from->startOfDay()->utc()))
            ->when($f->to, fn (Builder $q, $to) => $q->where('created_at', '<', $to->addDay()->startOfDay()->utc()))
            ->when($f->email, fn (Builder $q, string $email) => $q->whereIn('user_id', fn ($users) => $users
                ->select('id')->from('users')->whereRaw('lower(email) = ?', [$email])))
            ->when($f->totalMin !== null, fn (Builder $q) => $q->where('total', '>=', $f->totalMin))
            ->when($f->totalMax !== null, fn (Builder $q) => $q->where('total', '<=', $f->totalMax))
            ->when($f->sku, fn (Builder $q, string $sku) => $q->whereExists(fn ($items) => $items
                ->selectRaw('1')->from('order_items')->whereColumn('order_items.order_id', 'orders.id')->where('order_items.sku', $sku)));
    }
}
