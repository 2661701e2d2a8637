<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ $report->title() }}</title>
<style>
    @page { margin: 18mm 16mm; }
    body { font-family: Helvetica, sans-serif; font-size: 10px; color: #1f2937; }
    header { border-bottom: 2px solid #4f46e5; padding-bottom: 6px; margin-bottom: 12px; }
    h1 { font-size: 18px; margin: 0; color: #111827; }
    .range { font-size: 11px; color: #4b5563; margin-top: 3px; }
    table { width: 100%; border-collapse: collapse; margin-bottom: 14px; }
    th { background: #eef2ff; color: #3730a3; text-align: left; padding: 4px 6px; font-size: 9px; text-transform: uppercase; }
    td { padding: 3px 6px; border-bottom: 1px solid #e5e7eb; }
    .num { text-align: right; }
    tr.total td { font-weight: bold; border-top: 2px solid #4f46e5; border-bottom: none; }
    h2 { font-size: 12px; margin: 10px 0 4px; page-break-after: avoid; }
    /* a top list (heading + at most 10 rows) never splits: its heading can't sit alone at a page's foot */
    section.top { page-break-inside: avoid; }
    .summary td { font-size: 12px; border: none; }
    footer { position: fixed; bottom: -10mm; left: 0; right: 0; font-size: 8px; color: #9ca3af; }
</style>
</head>
<body>
<header>
    <h1>{{ $report->title() }} report</h1>
    <div class="range">Range: {{ $report->rangeLabel() }} · weeks start Monday · sales = paid, shipped and delivered orders</div>
</header>
<footer>Generated {{ $generatedAt->format('Y-m-d H:i T') }} · {{ config('app.name') }} admin</footer>

<table class="summary">
    <tr>
        <td>Total revenue: <strong>{{ number_format((float) $report->totals['revenue'], 2) }}</strong></td>
        <td>Orders: <strong>{{ $report->totals['orders'] }}</strong></td>
        <td>Average order value: <strong>{{ number_format((float) $report->totals['average'], 2) }}</strong></td>
        <td>Units: <strong>{{ $report->totals['units'] }}</strong></td>
    </tr>
</table>

<table>
    <thead><tr><th>Period starting</th><th class="num">Orders</th><th class="num">Units</th><th class="num">Revenue</th><th class="num">Average order</th></tr></thead>
    <tbody>
    @foreach ($report->buckets as $b)
        <tr><td>{{ $b['bucket'] }}</td><td class="num">{{ $b['orders'] }}</td><td class="num">{{ $b['units'] }}</td>
            <td class="num">{{ number_format((float) $b['revenue'], 2) }}</td><td class="num">{{ number_format((float) $b['average'], 2) }}</td></tr>
    @endforeach
    <tr class="total"><td>Total</td><td class="num">{{ $report->totals['orders'] }}</td><td class="num">{{ $report->totals['units'] }}</td>
        <td class="num">{{ number_format((float) $report->totals['revenue'], 2) }}</td><td class="num">{{ number_format((float) $report->totals['average'], 2) }}</td></tr>
    </tbody>
</table>

<section class="top">
<h2>Top products</h2>
<table>
    <thead><tr><th>Sku</th><th>Product</th><th class="num">Units</th><th class="num">Revenue</th></tr></thead>
    <tbody>
    @forelse ($report->products as $p)
        <tr><td>{{ $p['sku'] }}</td><td>{{ $p['name'] }}</td><td class="num">{{ $p['units'] }}</td><td class="num">{{ number_format((float) $p['revenue'], 2) }}</td></tr>
    @empty
        <tr><td colspan="4">No sales in this range.</td></tr>
    @endforelse
    </tbody>
</table>
</section>

<section class="top">
<h2>Top categories</h2>
<table>
    <thead><tr><th>Category</th><th class="num">Units</th><th class="num">Revenue</th></tr></thead>
    <tbody>
    @forelse ($report->categories as $c)
        <tr><td>{{ $c['path'] }}</td><td class="num">{{ $c['units'] }}</td><td class="num">{{ number_format((float) $c['revenue'], 2) }}</td></tr>
    @empty
        <tr><td colspan="3">No sales in this range.</td></tr>
    @endforelse
    </tbody>
</table>
</section>
</body>
</html>
