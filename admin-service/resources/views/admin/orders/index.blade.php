<x-app-layout title="Orders">
    <x-slot name="header">Orders</x-slot>
    @push('head') <x-admin.live-orders-assets /> @endpush

    <form method="GET" action="{{ route('admin.orders.index') }}" class="bg-white dark:bg-gray-800 shadow-sm sm:rounded-lg p-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-8 items-end" role="search" data-testid="order-filters">
        <x-admin.field name="status" label="Status">
            <select id="status" name="status" class="w-full rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900">
                <option value="">Any</option>
                @foreach ($statuses as $s)
                    <option value="{{ $s }}" @selected(($filters['status'] ?? null) === $s)>{{ str_replace('_', ' ', $s) }}</option>
                @endforeach
            </select>
        </x-admin.field>
        <x-admin.field name="from" label="From">
            <x-input id="from" name="from" type="date" :value="$filters['from'] ?? ''" class="w-full" />
        </x-admin.field>
        <x-admin.field name="to" label="To">
            <x-input id="to" name="to" type="date" :value="$filters['to'] ?? ''" class="w-full" />
        </x-admin.field>
        <x-admin.field name="email" label="Customer email" class="lg:col-span-2">
            <x-input id="email" name="email" type="search" :value="$filters['email'] ?? ''" placeholder="exact address" class="w-full" />
        </x-admin.field>
        <x-admin.field name="total_min" label="Total from">
            <x-input id="total_min" name="total_min" inputmode="decimal" :value="$filters['total_min'] ?? ''" class="w-full" />
        </x-admin.field>
        <x-admin.field name="total_max" label="Total to">
            <x-input id="total_max" name="total_max" inputmode="decimal" :value="$filters['total_max'] ?? ''" class="w-full" />
        </x-admin.field>
        <x-admin.field name="sku" label="Product sku">
            <x-input id="sku" name="sku" type="search" :value="$filters['sku'] ?? ''" class="w-full" />
        </x-admin.field>
        <div class="sm:col-span-3 lg:col-span-8 flex items-center justify-between gap-3">
            <p class="text-xs text-gray-500">Dates are whole days in {{ $timezone }}. {{ number_format($orders->total()) }} orders match.</p>
            <x-button data-testid="apply-filters">Filter</x-button>
        </div>
    </form>

    <x-admin.order-status-templates :statuses="$statuses" />

    <x-admin.table :headers="['Number', 'Placed', 'Customer', 'Status', 'Total', '']" data-testid="orders">
        @forelse ($orders as $o)
            <tr data-testid="order-row" data-order-id="{{ $o->id }}">
                <td class="px-4 py-2 font-medium tabular-nums">{{ $o->number }}</td>
                <td class="px-4 py-2 text-gray-500 tabular-nums">{{ $o->created_at->setTimezone($timezone)->format('Y-m-d H:i') }}</td>
                <td class="px-4 py-2">{{ $o->customer?->email }}</td>
                <td class="px-4 py-2"><x-admin.order-status :status="$o->status" /></td>
                <td class="px-4 py-2 tabular-nums text-right">{{ number_format((float) $o->total, 2) }} {{ $o->currency }}</td>
                <td class="px-4 py-2 text-right"><a href="{{ route('admin.orders.show', $o) }}" class="text-indigo-600 dark:text-indigo-400 hover:underline">Open</a></td>
            </tr>
        @empty
            <tr><td colspan="6" class="px-4 py-6 text-center text-gray-500">No orders match.</td></tr>
        @endforelse
    </x-admin.table>

    <div>{{ $orders->links() }}</div>
</x-app-layout>
