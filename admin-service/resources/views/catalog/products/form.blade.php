@php
    $editing = $product->exists;
    $select = 'w-full rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900';
    $rows = old('attributes', collect($product->attributes ?? [])->map(fn ($v, $k) => ['key' => $k, 'value' => is_scalar($v) ? (string) $v : json_encode($v)])->values()->all());
    $rows = array_merge($rows, array_fill(0, 2, ['key' => '', 'value' => '']));
    $token = session('consistency_token');
@endphp
<x-app-layout :title="$editing ? 'Edit '.$product->sku : 'New product'">
    <x-slot name="header">{{ $editing ? 'Edit product '.$product->sku : 'New product' }}</x-slot>
    @push('head') <x-vite-assets :entries="['resources/js/pages/products.js']" /> @endpush

    @if ($token)
        <div data-search-status="{{ route('admin.products.search-status', ['token' => $token]) }}" class="text-sm">
            <span data-testid="search-badge" data-state="pending" class="inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold bg-yellow-100 text-yellow-800">Waiting for search…</span>
        </div>
    @endif
    @if ($editing && $product->trashed())
        <div class="rounded-md bg-red-50 dark:bg-red-900/30 p-3 text-sm flex items-center gap-4" data-testid="trashed-banner">
            This product is in the trash (hidden from search).
            <form method="POST" action="{{ route('admin.products.restore', $product->id) }}">@csrf <x-button data-testid="restore-product">Restore</x-button></form>
            <form method="POST" action="{{ route('admin.products.force-delete', $product->id) }}" onsubmit="return confirm('Delete permanently? This cannot be undone.')">@csrf @method('DELETE')
                <button class="text-red-700 dark:text-red-300 underline" data-testid="force-delete">Delete permanently</button></form>
        </div>
    @endif

    <x-card>
        <form method="POST" action="{{ $editing ? route('admin.products.update', $product->id) : route('admin.products.store') }}" class="space-y-5" data-testid="product-form">
            @csrf
            @if ($editing) @method('PUT') @endif
            <div class="grid grid-cols-1 gap-5 sm:grid-cols-2">
                <x-admin.field name="sku" label="SKU">
                    <x-input id="sku" name="sku" class="w-full" :value="old('sku', $product->sku)" required maxlength="64" />
                </x-admin.field>
                <x-admin.field name="name" label="Name" :hint="$editing ? 'Slug: '.$product->slug : 'The slug is made from the name (unique).'">
                    <x-input id="name" name="name" class="w-full" :value="old('name', $product->name)" required maxlength="255" />
                </x-admin.field>
                <x-admin.field name="price" label="Price">
                    <x-input id="price" name="price" type="number" step="0.01" min="0" class="w-full" :value="old('price', $product->price)" required />
                </x-admin.field>
                <x-admin.field name="on_hand" label="Stock on hand">
                    <x-input id="on_hand" name="on_hand" type="number" min="0" class="w-full" :value="old('on_hand', $product->inventory?->on_hand ?? 0)" />
                </x-admin.field>
                <x-admin.field name="category_id" label="Category">
                    <x-catalog.category-select name="category_id" :nodes="$categories" :selected="old('category_id', $product->category_id)" empty="Choose…" class="w-full" />
                </x-admin.field>
                <x-admin.field name="brand_id" label="Brand">
                    <select id="brand_id" name="brand_id" class="{{ $select }}">
                        <option value="">Choose…</option>
                        @foreach ($brands as $b)
                            <option value="{{ $b->id }}" {{ (string) old('brand_id', $product->brand_id) === (string) $b->id ? 'selected' : '' }}>{{ $b->name }}</option>
                        @endforeach
                    </select>
                </x-admin.field>
                <x-admin.field name="status" label="Status">
                    <select id="status" name="status" class="{{ $select }}">
                        @foreach (['active', 'draft'] as $s)
                            <option value="{{ $s }}" {{ old('status', $product->status) === $s ? 'selected' : '' }}>{{ ucfirst($s) }}</option>
                        @endforeach
                    </select>
                </x-admin.field>
            </div>
            <x-admin.field name="description" label="Description">
                <textarea id="description" name="description" rows="4" class="{{ $select }}">{{ old('description', $product->description) }}</textarea>
            </x-admin.field>
            <fieldset data-testid="attributes">
                <legend class="text-sm font-medium">Attributes</legend>
                <div class="mt-2 space-y-2" data-attribute-rows>
                    @foreach ($rows as $i => $row)
                        <div class="flex gap-2" data-attribute-row>
                            <x-input name="attributes[{{ $i }}][key]" :value="$row['key']" placeholder="name, e.g. color" class="w-48" aria-label="Attribute name" />
                            <x-input name="attributes[{{ $i }}][value]" :value="$row['value']" placeholder="value" class="flex-1" aria-label="Attribute value" />
                        </div>
                        @error("attributes.$i.key") <p class="text-sm text-red-600">{{ $message }}</p> @enderror
                    @endforeach
                </div>
                <button type="button" class="mt-2 text-sm text-indigo-600 hover:underline" data-add-attribute>+ Add attribute</button>
            </fieldset>
            <x-admin.form-actions :cancel="route('admin.products.index')">{{ $editing ? 'Save' : 'Create' }}</x-admin.form-actions>
        </form>
    </x-card>

    @if ($editing)
        <x-card>
            <h2 class="font-semibold">Images</h2>
            <ul class="mt-3 flex flex-wrap gap-4" data-testid="images" data-images-url="{{ route('admin.products.images.index', $product->id) }}">
                @foreach ($product->images as $image)
                    <li class="w-32 text-xs space-y-1" data-testid="image" data-status="{{ $image->status }}">
                        @if ($image->status === 'ready')
                            <img src="{{ $image->thumbnailUrl() ?? $image->url() }}" alt="Image {{ $loop->iteration }}" class="h-32 w-32 rounded object-cover" data-testid="thumbnail">
                        @else
                            <div class="h-32 w-32 rounded bg-gray-100 dark:bg-gray-700 flex items-center justify-center text-gray-500">{{ $image->status }}</div>
                        @endif
                        <x-admin.badge :tone="['ready' => 'green', 'failed' => 'red'][$image->status] ?? 'yellow'">{{ $image->status }}</x-admin.badge>
                        @if ($image->failure_reason) <p class="text-red-600" data-testid="image-failure">{{ $image->failure_reason }}</p> @endif
                        <div class="flex items-center gap-2">
                            @php $ids = $product->images->pluck('id')->all(); $i = $loop->index; @endphp
                            @foreach ([['←', $i - 1, 'earlier'], ['→', $i + 1, 'later']] as [$arrow, $to, $label])
                                @if ($to >= 0 && $to < count($ids))
                                    @php $order = $ids; [$order[$i], $order[$to]] = [$order[$to], $order[$i]]; @endphp
                                    <form method="POST" action="{{ route('admin.products.images.reorder', $product->id) }}">@csrf @method('PUT')
                                        @foreach ($order as $id) <input type="hidden" name="order[]" value="{{ $id }}"> @endforeach
                                        <button class="text-indigo-600" title="Move {{ $label }}" aria-label="Move image {{ $loop->parent->iteration }} {{ $label }}">{{ $arrow }}</button></form>
                                @endif
                            @endforeach
                            <form method="POST" action="{{ route('admin.products.images.destroy', [$product->id, $image->id]) }}">@csrf @method('DELETE')
                                <button class="text-red-600 hover:underline">Remove</button></form>
                        </div>
                    </li>
                @endforeach
            </ul>
            <form method="POST" action="{{ route('admin.products.images.store', $product->id) }}" enctype="multipart/form-data" class="mt-4 flex flex-wrap items-end gap-3">
                @csrf
                <x-admin.field name="images" label="Add images (JPEG, PNG, WebP, GIF; max {{ intdiv(config('catalog.image_max_kb'), 1024) }} MB each)">
                    <input id="images" name="images[]" type="file" multiple accept="image/*" class="text-sm" data-testid="image-input">
                </x-admin.field>
                <x-button data-testid="upload-images">Upload</x-button>
            </form>
            @foreach ($errors->get('images.*') as $messages)
                @foreach ($messages as $m) <p class="mt-1 text-sm text-red-600" data-testid="error-image">{{ $m }}</p> @endforeach
            @endforeach
        </x-card>

        @unless ($product->trashed())
            <form method="POST" action="{{ route('admin.products.destroy', $product->id) }}">@csrf @method('DELETE')
                <button class="text-sm text-red-600 hover:underline" data-testid="trash-product">Move to trash</button></form>
        @endunless
    @endif
</x-app-layout>
