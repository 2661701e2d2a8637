@props(['name', 'nodes', 'selected' => null, 'empty' => null])
{{-- A category picker showing the tree by indentation; $nodes = CategoryTree::flatten(). --}}
<select id="{{ $name }}" name="{{ $name }}" {{ $attributes->merge(['class' => 'rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900']) }}>
    @if ($empty !== null)
        <option value="">{{ $empty }}</option>
    @endif
    @foreach ($nodes as $node)
        <option value="{{ $node['category']->id }}" {{ (string) $selected === (string) $node['category']->id ? 'selected' : '' }}>{{ str_repeat('— ', $node['category']->depth) }}{{ $node['category']->name }}</option>
    @endforeach
</select>
