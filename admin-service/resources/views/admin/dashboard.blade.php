@php
    $money = fn ($v) => '$'.number_format((float) $v, 2);
    $tones = ['pending' => 'yellow', 'paid' => 'indigo', 'payment_failed' => 'red', 'cancelled' => 'gray', 'shipped' => 'indigo', 'delivered' => 'green', 'refunded' => 'yellow'];
    $totalOrders = array_sum(array_column($metrics['statuses'], 'orders'));
@endphp
<x-app-layout title="Dashboard">
    @push('head')
        <x-vite-assets :entries="['resources/js/pages/dashboard.js']" />
        <x-admin.live-orders-assets />
    @endpush
    <x-slot name="header">Dashboard</x-slot>

    <div class="grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="sales">
        @foreach ($metrics['sales'] as $days => $window)
            <x-admin.stat-card :label="'Revenue · '.$window['label']" :value="$money($window['revenue'])"
                               :hint="number_format($window['orders']).' orders · '.number_format($metrics['customers']['counts'][$days]).' new customers'"
                               data-testid="sales-{{ $days }}" />
        @endforeach
    </div>

    <x-card>
        <x-admin.section-title>Revenue and orders per day (last 30 days, UTC)</x-admin.section-title>
        <div class="relative h-72">
            <canvas id="sales-chart" data-testid="sales-chart" aria-label="Revenue and orders per day"></canvas>
        </div>
        <script type="application/json" id="sales-data">@json($metrics['daily'])</script>
    </x-card>

    <div class="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <x-card data-testid="statuses">
            <x-admin.section-title>Orders by status <span class="font-normal text-gray-500">· all time</span></x-admin.section-title>
            <ul class="space-y-2">
                @foreach ($metrics['statuses'] as $row)
                    <li class="flex items-center gap-3 text-sm" data-testid="status-{{ $row['status'] }}">
                        <x-admin.badge :tone="$tones[$row['status']] ?? 'gray'" class="w-32 justify-center">{{ str_replace('_', ' ', $row['status']) }}</x-admin.badge>
                        <div class="flex-1 h-2 rounded bg-gray-100 dark:bg-gray-700 overflow-hidden">
                            <div class="h-2 bg-indigo-500" style="width: {{ $totalOrders ? round(100 * $row['orders'] / $totalOrders, 1) : 0 }}%"></div>
                        </div>
                        <span class="w-20 text-right tabular-nums" data-testid="count">{{ number_format($row['orders']) }}</span>
                    </li>
                @endforeach
            </ul>
        </x-card>

        <x-card data-testid="customers">
            <x-admin.section-title>New customers</x-admin.section-title>
            @forelse ($metrics['customers']['latest'] as $c)
                <div class="flex justify-between gap-3 py-1.5 text-sm border-b last:border-0 border-gray-100 dark:border-gray-700">
                    <span class="min-w-0 truncate"><span class="font-medium">{{ $c['name'] }}</span> <span class="text-gray-500">{{ $c['email'] }}</span></span>
                    <span class="text-gray-500 tabular-nums whitespace-nowrap">{{ \Illuminate\Support\Carbon::parse($c['created_at'])->diffForHumans() }}</span>
                </div>
            @empty
                <p class="text-sm text-gray-500">No customers yet.</p>
            @endforelse
        </x-card>
    </div>

    <div class="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div>
            <x-admin.section-title>Top sellers · 30 days</x-admin.section-title>
            <x-admin.table :headers="['Product', 'Units', 'Revenue']" data-testid="top-sellers">
                @forelse ($metrics['topSellers'] as $p)
                    <tr>
                        <td class="px-4 py-2"><div class="font-medium">{{ $p['name'] }}</div><div class="text-xs text-gray-500">{{ $p['sku'] }}</div></td>
                        <td class="px-4 py-2 tabular-nums">{{ number_format($p['units']) }}</td>
                        <td class="px-4 py-2 tabular-nums">{{ $money($p['revenue']) }}</td>
                    </tr>
                @empty
                    <tr><td colspan="3" class="px-4 py-6 text-center text-gray-500">No paid orders in the last 30 days.</td></tr>
                @endforelse
            </x-admin.table>
        </div>
        <div>
            <x-admin.section-title>Low stock · {{ $metrics['lowStockThreshold'] }} or fewer available</x-admin.section-title>
            <x-admin.table :headers="['Product', 'Available']" data-testid="low-stock">
                @forelse ($metrics['lowStock'] as $p)
                    <tr>
                        <td class="px-4 py-2"><div class="font-medium">{{ $p['name'] }}</div><div class="text-xs text-gray-500">{{ $p['sku'] }}</div></td>
                        <td class="px-4 py-2 whitespace-nowrap">
                            <x-admin.badge :tone="$p['available'] === 0 ? 'red' : 'yellow'">{{ $p['available'] }}</x-admin.badge>
                            <span class="ml-1 text-xs text-gray-500 tabular-nums">{{ $p['onHand'] }} on hand, {{ $p['reserved'] }} reserved</span>
                        </td>
                    </tr>
                @empty
                    <tr><td colspan="2" class="px-4 py-6 text-center text-gray-500">Every product has stock.</td></tr>
                @endforelse
            </x-admin.table>
        </div>
    </div>

    <div class="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <x-admin.zero-result-queries :queries="$zeroResultQueries" />
    </div>
</x-app-layout>
