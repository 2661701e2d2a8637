@props(['name', 'label', 'hint' => null])
{{-- A labelled form control with its validation error (the control goes in the slot). --}}
<div {{ $attributes }}>
    <x-label :for="$name" :value="$label" />
    <div class="mt-1">{{ $slot }}</div>
    @if ($hint)
        <p class="mt-1 text-xs text-gray-500 dark:text-gray-400">{{ $hint }}</p>
    @endif
    @error($name)
        <p class="mt-1 text-sm text-red-600 dark:text-red-400" data-testid="error-{{ $name }}">{{ $message }}</p>
    @enderror
</div>
