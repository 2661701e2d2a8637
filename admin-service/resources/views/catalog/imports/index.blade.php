<x-app-layout title="Imports">
    <x-slot name="header">Bulk import</x-slot>

    <x-card>
        <form method="POST" action="{{ route('admin.imports.store') }}" enctype="multipart/form-data" class="space-y-4" data-testid="import-form">
            @csrf
            <x-admin.field name="file" label="CSV or XLSX file (UTF-8; max {{ number_format(config('catalog.import_max_rows')) }} rows, {{ intdiv(config('catalog.import_max_kb'), 1024) }} MB)"
                           hint="Header: sku, name, price, category (id or slug), brand (name or slug); optional description, status (active|draft), stock, currency; attr:<name> columns become attributes. Rows are upserted by sku.">
                <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv" class="text-sm" required data-testid="import-file">
            </x-admin.field>
            <details class="text-sm">
                <summary class="cursor-pointer">Column mapping (when your headers differ)</summary>
                <div class="mt-2 grid grid-cols-2 sm:grid-cols-3 gap-3">
                    @foreach ($fields as $field)
                        <x-admin.field :name="'mapping.'.$field" :label="$field">
                            <x-input :name="'mapping['.$field.']'" :value="old('mapping.'.$field)" :placeholder="$field" class="w-full text-sm" />
                        </x-admin.field>
                    @endforeach
                </div>
            </details>
            <label class="inline-flex items-center gap-2 text-sm">
                <input type="hidden" name="dry_run" value="0">
                <input type="checkbox" name="dry_run" value="1" class="rounded border-gray-300" data-testid="dry-run"> Dry run (check every row, write nothing)
            </label>
            <div><x-button data-testid="start-import">Upload and import</x-button></div>
        </form>
    </x-card>

    <x-admin.table :headers="['#', 'File', 'By', 'Status', 'Rows', 'Imported', 'Errors', 'Started']" data-testid="imports">
        @forelse ($batches as $b)
            <tr>
                <td class="px-4 py-2"><a class="text-indigo-600 hover:underline" href="{{ route('admin.imports.show', $b) }}">{{ $b->id }}</a></td>
                <td class="px-4 py-2">{{ $b->filename }} @if ($b->dry_run) <x-admin.badge tone="indigo">dry run</x-admin.badge> @endif</td>
                <td class="px-4 py-2">{{ $b->user?->email }}</td>
                <td class="px-4 py-2"><x-admin.badge :tone="['completed' => 'green', 'failed' => 'red'][$b->status] ?? 'yellow'">{{ $b->status }}</x-admin.badge></td>
                <td class="px-4 py-2 tabular-nums">{{ number_format($b->total_rows) }}</td>
                <td class="px-4 py-2 tabular-nums">{{ number_format($b->processed_rows) }}</td>
                <td class="px-4 py-2 tabular-nums">{{ number_format($b->failed_rows) }}</td>
                <td class="px-4 py-2 text-gray-500">{{ optional($b->created_at)->format('Y-m-d H:i') }}</td>
            </tr>
        @empty
            <tr><td colspan="8" class="px-4 py-6 text-center text-gray-500">No imports yet.</td></tr>
        @endforelse
    </x-admin.table>
    <div>{{ $batches->links() }}</div>
</x-app-layout>
