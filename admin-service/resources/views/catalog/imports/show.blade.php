<x-app-layout :title="'Import #'.$batch->id">
    <x-slot name="header">Import #{{ $batch->id }}: {{ $batch->filename }} @if ($batch->dry_run) (dry run) @endif</x-slot>
    @push('head') <x-vite-assets :entries="['resources/js/pages/imports.js']" /> @endpush

    <x-card data-import-progress="{{ route('admin.imports.progress', $batch) }}">
        <script type="application/json" data-initial>@json($initial)</script>
        <div class="flex items-center justify-between text-sm">
            <span>Status: <strong data-testid="import-status">{{ $initial['status'] }}</strong></span>
            <span class="tabular-nums" data-testid="import-counts">{{ $initial['processedRows'] }} imported · {{ $initial['failedRows'] }} errors · {{ $initial['totalRows'] }} rows</span>
            <span class="tabular-nums" data-testid="import-rate">{{ $initial['rowsPerSecond'] }} rows/s</span>
        </div>
        <div class="mt-3 h-4 w-full rounded bg-gray-200 dark:bg-gray-700 overflow-hidden" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{{ $initial['percent'] }}" data-testid="import-bar">
            <div class="h-4 bg-indigo-600 transition-all" style="width: {{ $initial['percent'] }}%" data-bar></div>
        </div>
        <p class="mt-1 text-right text-xs tabular-nums" data-testid="import-percent">{{ $initial['percent'] }}%</p>
    </x-card>

    <x-card>
        <div class="flex items-center justify-between">
            <h2 class="font-semibold">Errors (line, column, message)</h2>
            <a href="{{ route('admin.imports.errors', $batch) }}" class="text-sm text-indigo-600 hover:underline" data-testid="download-errors">Download CSV</a>
        </div>
        <x-admin.table :headers="['Line', 'Column', 'Message']" class="mt-3" data-testid="import-errors">
            @foreach ($initial['errors'] as $e)
                <tr><td class="px-4 py-1 tabular-nums">{{ $e['line'] }}</td><td class="px-4 py-1">{{ $e['column'] }}</td><td class="px-4 py-1">{{ $e['message'] }}</td></tr>
            @endforeach
        </x-admin.table>
    </x-card>
</x-app-layout>
