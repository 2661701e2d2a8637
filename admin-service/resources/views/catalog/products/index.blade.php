<x-app-layout title="Products">
    <x-slot name="header">Products</x-slot>
    @push('head') <x-vite-assets :entries="['resources/js/pages/products.js']" /> @endpush
    @php $select = 'rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900'; @endphp

    <div class="flex flex-wrap items-end justify-between gap-4">
        <form method="GET" action="{{ route('admin.products.index') }}" class="flex flex-wrap items-end gap-3" role="search" data-testid="product-filters">
            <div>
                <x-label for="q" value="Search" />
                <x-input id="q" name="q" type="search" :value="$filters['q'] ?? ''" placeholder="SKU or name" class="mt-1 w-56" data-testid="product-search" />
            </div>
            <div>
                <x-label for="category" value="Category" />
                <x-catalog.category-select name="category" :nodes="$categories" :selected="$filters['category'] ?? null" empty="Any" class="mt-1 max-w-[14rem]" />
            </div>
            <x-catalog.filter-select name="brand" label="Brand" :options="['' => 'Any'] + $brands->pluck('name', 'id')->all()" :selected="$filters['brand'] ?? ''" />
            <x-catalog.filter-select name="status" label="Status" :options="['' => 'Any', 'active' => 'Active', 'draft' => 'Draft']" :selected="$filters['status'] ?? ''" />
            <x-catalog.filter-select name="stock" label="Stock" :options="['' => 'Any', 'in' => 'In stock', 'low' => 'Low (1-5)', 'out' => 'Out of stock']" :selected="$filters['stock'] ?? ''" />
            <x-catalog.filter-select name="trashed" label="Trash" :options="['' => 'Hide trashed', 'with' => 'Include trashed', 'only' => 'Trash only']" :selected="$filters['trashed'] ?? ''" data-testid="trashed-filter" />
            <x-catalog.filter-select name="sort" label="Sort" :options="['updated_at' => 'Recently changed', 'name' => 'Name', 'sku' => 'SKU', 'price' => 'Price']" :selected="$filters['sort'] ?? 'updated_at'" />
            <x-button data-testid="apply-filters">Filter</x-button>
        </form>
        <div class="flex flex-wrap gap-2 items-center text-sm">
            <a href="{{ route('admin.products.export', ['format' => 'csv'] + $filters) }}" class="text-indigo-600 hover:underline" data-testid="export-csv">Export CSV</a>
            <a href="{{ route('admin.products.export', ['format' => 'xlsx'] + $filters) }}" class="text-indigo-600 hover:underline" data-testid="export-xlsx">Export XLSX</a>
            <a href="{{ route('admin.imports.index') }}" class="text-indigo-600 hover:underline" data-testid="imports-link">Import…</a>
            <x-admin.link-button :href="route('admin.products.create')" data-testid="new-product">New product</x-admin.link-button>
        </div>
    </div>

    <form method="POST" action="{{ route('admin.products.bulk') }}" data-testid="bulk-form" class="space-y-3">
        @csrf
        @foreach ($filters as $k => $v)
            <input type="hidden" name="filter[{{ $k }}]" value="{{ $v }}">
        @endforeach
        <div class="flex flex-wrap items-end gap-3 text-sm">
            <select name="action" class="{{ $select }}" data-testid="bulk-action" aria-label="Bulk action">
                <option value="delete">Move to trash</option>
                <option value="restore">Restore</option>
                <option value="category">Change category</option>
                <option value="status">Change status</option>
                <option value="price">Adjust price by %</option>
            </select>
            <x-catalog.category-select name="category_id" :nodes="$categories" empty="(category)" class="max-w-[12rem]" aria-label="New category" />
            <select name="status" class="{{ $select }}" aria-label="New status"><option value="">(status)</option><option value="active">Active</option><option value="draft">Draft</option></select>
            <x-input name="percent" type="number" step="0.1" placeholder="% e.g. -10" class="w-28" aria-label="Percent" />
            <select name="scope" class="{{ $select }}" aria-label="Apply to">
                <option value="selected">Selected rows</option>
                <option value="filter">All {{ number_format($products->total()) }} matching the filter</option>
            </select>
            <x-button data-testid="bulk-apply">Apply</x-button>
        </div>
        @error('ids') <p class="text-sm text-red-600" data-testid="error-ids">{{ $message }}</p> @enderror
        @error('category_id') <p class="text-sm text-red-600">{{ $message }}</p> @enderror
        @error('status') <p class="text-sm text-red-600">{{ $message }}</p> @enderror
        @error('percent') <p class="text-sm text-red-600">{{ $message }}</p> @enderror

        <x-admin.table :headers="['', '', 'SKU', 'Name', 'Category', 'Brand', 'Price', 'Stock', 'Status']" data-testid="products">
            @forelse ($products as $p)
                <tr data-testid="product-row" data-sku="{{ $p->sku }}" class="{{ $p->trashed() ? 'opacity-60' : '' }}">
                    <td class="px-4 py-2"><input type="checkbox" name="ids[]" value="{{ $p->id }}" aria-label="Select {{ $p->sku }}" class="rounded border-gray-300"></td>
                    <td class="px-2 py-1">
                        @if ($img = $p->images->first())
                            <img src="{{ $img->thumbnailUrl() ?? $img->url() }}" alt="" class="h-10 w-10 max-w-none rounded object-cover" loading="lazy">
                        @endif
                    </td>
                    <td class="px-4 py-2 font-mono text-xs">{{ $p->sku }}</td>
                    <td class="px-4 py-2 font-medium"><a href="{{ route('admin.products.edit', $p->id) }}" class="text-indigo-700 dark:text-indigo-300 hover:underline" data-testid="edit-product">{{ $p->name }}</a></td>
                    <td class="px-4 py-2">{{ $p->category?->name }}</td>
                    <td class="px-4 py-2">{{ $p->brand?->name }}</td>
                    <td class="px-4 py-2 tabular-nums">{{ number_format((float) $p->price, 2) }} {{ $p->currency }}</td>
                    <td class="px-4 py-2 tabular-nums">{{ $p->inventory ? $p->inventory->on_hand - $p->inventory->reserved : 0 }}</td>
                    <td class="px-4 py-2">
                        @if ($p->trashed())
                            <x-admin.badge tone="red">trashed</x-admin.badge>
                        @else
                            <x-admin.badge :tone="$p->status === 'active' ? 'green' : 'gray'">{{ $p->status }}</x-admin.badge>
                        @endif
                    </td>
                </tr>
            @empty
                <tr><td colspan="9" class="px-4 py-6 text-center text-gray-500">No products match.</td></tr>
            @endforelse
        </x-admin.table>
    </form>

    <div>{{ $products->links() }}</div>
</x-app-layout>
