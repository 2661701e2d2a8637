<x-app-layout :title="'Order '.$order->number">
    <x-slot name="header">Order {{ $order->number }}</x-slot>
    @push('head') <x-vite-assets :entries="['resources/js/pages/order-page.js']" /> @endpush

    <x-admin.order-status-templates :statuses="$statuses" />
    <div data-testid="order-page" data-channel="admin.orders.{{ $order->id }}" data-order-id="{{ $order->id }}" class="grid gap-6 lg:grid-cols-3">
        <x-card class="lg:col-span-2">
            <x-admin.section-title>Lines</x-admin.section-title>
            <x-admin.table :headers="['Sku', 'Product', 'Unit price', 'Qty', 'Line total']" data-testid="order-lines">
                @foreach ($order->items as $item)
                    <tr>
                        <td class="px-4 py-2 tabular-nums">{{ $item->sku }}</td>
                        <td class="px-4 py-2">{{ $item->name }}</td>
                        <td class="px-4 py-2 tabular-nums text-right">{{ number_format((float) $item->unit_price, 2) }}</td>
                        <td class="px-4 py-2 tabular-nums text-right">{{ $item->quantity }}</td>
                        <td class="px-4 py-2 tabular-nums text-right">{{ number_format((float) $item->line_total, 2) }}</td>
                    </tr>
                @endforeach
                <tr class="font-semibold">
                    <td colspan="4" class="px-4 py-2 text-right">Total</td>
                    <td class="px-4 py-2 tabular-nums text-right" data-testid="order-total">{{ number_format((float) $order->total, 2) }} {{ $order->currency }}</td>
                </tr>
            </x-admin.table>
        </x-card>

        <x-card>
            <x-admin.section-title>Status</x-admin.section-title>
            <p class="mb-3">Now: <x-admin.order-status :status="$order->status" data-testid="order-status" /></p>
            <div data-testid="live-status" class="hidden mb-3 rounded-md bg-indigo-50 dark:bg-indigo-900/40 p-2 text-sm text-indigo-800 dark:text-indigo-200" role="status" aria-live="polite"></div>
            @if ($moves)
                <form method="POST" action="{{ route('admin.orders.status', $order) }}" class="flex flex-wrap gap-2" data-testid="status-form">
                    @csrf
                    @foreach ($moves as $to)
                        <x-button name="status" value="{{ $to }}" data-testid="move-{{ $to }}">Mark {{ str_replace('_', ' ', $to) }}</x-button>
                    @endforeach
                </form>
            @else
                <p class="text-sm text-gray-500">No further moves: {{ str_replace('_', ' ', $order->status) }} is final here.</p>
            @endif
            @error('status')
                <p class="mt-2 text-sm text-red-600 dark:text-red-400" data-testid="error-status">{{ $message }}</p>
            @enderror

            <dl class="mt-4 text-sm grid grid-cols-3 gap-y-1">
                <dt class="text-gray-500">Customer</dt><dd class="col-span-2 break-all">{{ $order->customer?->name }} &lt;{{ $order->customer?->email }}&gt;</dd>
                <dt class="text-gray-500">Placed</dt><dd class="col-span-2 tabular-nums">{{ $order->created_at->setTimezone($timezone)->format('Y-m-d H:i:s T') }}</dd>
                <dt class="text-gray-500">Ship to</dt><dd class="col-span-2">{{ collect($order->shipping_address)->filter(fn ($v) => is_scalar($v))->implode(', ') }}</dd>
            </dl>
        </x-card>

        <x-card class="lg:col-span-2">
            <x-admin.section-title>Payment</x-admin.section-title>
            <x-admin.table :headers="['When', 'Provider', 'Reference', 'Outcome', 'Amount', 'Error']" data-testid="order-payments">
                @forelse ($order->payments as $p)
                    <tr>
                        <td class="px-4 py-2 tabular-nums">{{ $p->created_at->setTimezone($timezone)->format('Y-m-d H:i:s') }}</td>
                        <td class="px-4 py-2">{{ $p->provider }}</td>
                        <td class="px-4 py-2 tabular-nums">{{ $p->provider_ref }}</td>
                        <td class="px-4 py-2"><x-admin.badge :tone="$p->status === 'succeeded' ? 'green' : 'red'">{{ $p->status }}</x-admin.badge></td>
                        <td class="px-4 py-2 tabular-nums text-right">{{ number_format((float) $p->amount, 2) }} {{ $p->currency }}</td>
                        <td class="px-4 py-2 text-gray-500">{{ $p->error }}</td>
                    </tr>
                @empty
                    <tr><td colspan="6" class="px-4 py-4 text-center text-gray-500">No payment attempt.</td></tr>
                @endforelse
            </x-admin.table>
        </x-card>

        <x-card>
            <x-admin.section-title>Status history</x-admin.section-title>
            <ol class="space-y-2 text-sm" data-testid="status-history">
                <li class="tabular-nums"><span class="text-gray-500">{{ $order->created_at->setTimezone($timezone)->format('Y-m-d H:i:s') }}</span> placed (pending)</li>
                @foreach ($order->statusChanges as $change)
                    @include('admin.orders._history-row', ['row' => \App\Services\Broadcasting\OrderHistoryRow::of($change, $timezone)])
                @endforeach
            </ol>
            <template id="history-row-template">@include('admin.orders._history-row', ['row' => \App\Services\Broadcasting\OrderHistoryRow::blank()])</template>
        </x-card>
    </div>
</x-app-layout>
