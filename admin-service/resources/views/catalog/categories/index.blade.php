<x-app-layout title="Categories">
    <x-slot name="header">Categories</x-slot>
    @php $select = 'rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900'; @endphp

    <x-auth-validation-errors :errors="$errors" data-testid="category-errors" />

    <x-card>
        <form method="POST" action="{{ route('admin.categories.store') }}" class="flex flex-wrap items-end gap-3" data-testid="new-category">
            @csrf
            <div><x-label for="new-name" value="New category" /><x-input id="new-name" name="name" class="mt-1 w-56" required maxlength="120" /></div>
            <div><x-label for="parent_id" value="Parent" />
                <x-catalog.category-select name="parent_id" :nodes="$nodes" empty="(top level)" class="mt-1" /></div>
            <x-button>Create</x-button>
        </form>
    </x-card>

    <x-card>
        <form method="POST" action="{{ route('admin.categories.move') }}" class="flex flex-wrap items-end gap-3" data-testid="move-category">
            @csrf
            <div><x-label for="category" value="Move category" />
                <x-catalog.category-select name="category" :nodes="$nodes" empty="Choose…" class="mt-1" /></div>
            <div><x-label for="new_parent_id" value="Under" />
                <x-catalog.category-select name="new_parent_id" :nodes="$nodes" empty="(top level)" class="mt-1" /></div>
            <x-button data-testid="move-submit">Move</x-button>
        </form>
        <p class="mt-2 text-xs text-gray-500">A category can't move under itself or one of its sub-categories. Its products' category path changes in search within seconds.</p>
    </x-card>

    <x-admin.table :headers="['Category', 'Products', 'Incl. sub-categories', 'Rename', '']" data-testid="category-tree">
        @foreach ($nodes as $node)
            @php $c = $node['category']; @endphp
            <tr data-testid="category-row" data-name="{{ $c->name }}" data-id="{{ $c->id }}">
                <td class="px-4 py-2" style="padding-left: {{ 1 + $c->depth * 1.5 }}rem">{{ $c->depth ? '└ ' : '' }}<span class="font-medium">{{ $c->name }}</span> <span class="text-xs text-gray-500">/{{ $c->slug }}</span></td>
                <td class="px-4 py-2 tabular-nums">{{ number_format($node['products']) }}</td>
                <td class="px-4 py-2 tabular-nums">{{ number_format($node['total']) }}</td>
                <td class="px-4 py-2">
                    <form method="POST" action="{{ route('admin.categories.update', $c) }}" class="flex gap-2 items-center" data-testid="edit-category">
                        @csrf @method('PUT')
                        <x-input name="name" :value="$c->name" class="w-40 text-sm" aria-label="Name of {{ $c->name }}" required />
                        <input type="hidden" name="parent_id" value="{{ $c->parent_id }}">
                        <x-button class="!px-2 !py-1">Save</x-button>
                    </form>
                </td>
                <td class="px-4 py-2 text-right">
                    @if ($node['total'] === 0)
                        <form method="POST" action="{{ route('admin.categories.destroy', $c) }}">@csrf @method('DELETE')<button class="text-sm text-red-600 hover:underline">Delete</button></form>
                    @endif
                </td>
            </tr>
        @endforeach
    </x-admin.table>
</x-app-layout>
