@props(['name', 'label', 'options', 'selected' => ''])
{{-- One filter of a list: a labelled select; $options = value => label. --}}
<div>
    <x-label :for="$name" :value="$label" />
    <select id="{{ $name }}" name="{{ $name }}" {{ $attributes->merge(['class' => 'mt-1 rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900']) }}>
        @foreach ($options as $value => $text)
            <option value="{{ $value }}" {{ (string) $selected === (string) $value ? 'selected' : '' }}>{{ $text }}</option>
        @endforeach
    </select>
</div>
