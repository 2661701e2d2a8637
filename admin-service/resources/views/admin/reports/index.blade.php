<x-app-layout title="Reports">
    <x-slot name="header">Sales reports</x-slot>
    @push('head') <x-vite-assets :entries="['resources/js/pages/reports.js']" /> @endpush
    @php($query = ['period' => $report->period, 'from' => $report->from->toDateString(), 'to' => $report->to->toDateString()])

    <form method="GET" action="{{ route('admin.reports.index') }}" class="bg-white dark:bg-gray-800 shadow-sm sm:rounded-lg p-4 flex flex-wrap items-end gap-4" data-testid="report-form">
        <x-admin.field name="period" label="Report">
            <select id="period" name="period" class="rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900">
                @foreach ($periods as $p)
                    <option value="{{ $p }}" @selected($report->period === $p)>{{ ['day' => 'Daily', 'week' => 'Weekly', 'month' => 'Monthly'][$p] }}</option>
                @endforeach
            </select>
        </x-admin.field>
        <x-admin.field name="from" label="From"><x-input id="from" name="from" type="date" :value="$query['from']" /></x-admin.field>
        <x-admin.field name="to" label="To"><x-input id="to" name="to" type="date" :value="$query['to']" /></x-admin.field>
        <x-button>Show</x-button>
        <div class="ml-auto flex gap-2">
            <x-admin.link-button :href="route('admin.reports.csv', $query)" data-testid="export-csv">CSV</x-admin.link-button>
            <x-admin.link-button :href="route('admin.reports.pdf', $query)" data-testid="export-pdf">PDF</x-admin.link-button>
        </div>
    </form>
    <p class="text-xs text-gray-500">{{ $report->title() }}, {{ $report->rangeLabel() }}. Weeks start on Monday. Sales are paid, shipped and delivered orders; ranges are limited to {{ config('orders.max_range_years') }} years.</p>

    <div class="grid gap-4 sm:grid-cols-4" data-testid="report-totals">
        <x-admin.stat-card label="Revenue" :value="number_format((float) $report->totals['revenue'], 2)" />
        <x-admin.stat-card label="Orders" :value="number_format($report->totals['orders'])" />
        <x-admin.stat-card label="Average order value" :value="number_format((float) $report->totals['average'], 2)" />
        <x-admin.stat-card label="Units" :value="number_format($report->totals['units'])" />
    </div>

    <x-card>
        <div class="h-72"><canvas id="report-chart" data-testid="report-chart" aria-label="{{ $report->title() }}"></canvas></div>
        <script type="application/json" id="report-data">@json($report->buckets)</script>
    </x-card>

    <div class="grid gap-6 lg:grid-cols-2">
        <div>
            <x-admin.section-title>Top products</x-admin.section-title>
            <x-admin.table :headers="['Sku', 'Product', 'Units', 'Revenue']" data-testid="top-products">
                @forelse ($report->products as $p)
                    <tr><td class="px-4 py-2 tabular-nums">{{ $p['sku'] }}</td><td class="px-4 py-2">{{ $p['name'] }}</td>
                        <td class="px-4 py-2 text-right tabular-nums">{{ $p['units'] }}</td><td class="px-4 py-2 text-right tabular-nums">{{ number_format((float) $p['revenue'], 2) }}</td></tr>
                @empty
                    <tr><td colspan="4" class="px-4 py-4 text-center text-gray-500">No sales in this range.</td></tr>
                @endforelse
            </x-admin.table>
        </div>
        <div>
            <x-admin.section-title>Top categories</x-admin.section-title>
            <x-admin.table :headers="['Category', 'Units', 'Revenue']" data-testid="top-categories">
                @forelse ($report->categories as $c)
                    <tr><td class="px-4 py-2">{{ $c['path'] }}</td>
                        <td class="px-4 py-2 text-right tabular-nums">{{ $c['units'] }}</td><td class="px-4 py-2 text-right tabular-nums">{{ number_format((float) $c['revenue'], 2) }}</td></tr>
                @empty
                    <tr><td colspan="3" class="px-4 py-4 text-center text-gray-500">No sales in this range.</td></tr>
                @endforelse
            </x-admin.table>
        </div>
    </div>

    <x-admin.table :headers="['Period starting', 'Orders', 'Units', 'Revenue', 'Average order']" data-testid="report-buckets">
        @foreach ($report->buckets as $b)
            <tr><td class="px-4 py-2 tabular-nums">{{ $b['bucket'] }}</td><td class="px-4 py-2 text-right tabular-nums">{{ $b['orders'] }}</td>
                <td class="px-4 py-2 text-right tabular-nums">{{ $b['units'] }}</td><td class="px-4 py-2 text-right tabular-nums">{{ number_format((float) $b['revenue'], 2) }}</td>
                <td class="px-4 py-2 text-right tabular-nums">{{ number_format((float) $b['average'], 2) }}</td></tr>
        @endforeach
    </x-admin.table>
</x-app-layout>
