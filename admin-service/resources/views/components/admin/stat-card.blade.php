@props(['label', 'value', 'hint' => null])
{{-- One figure with its label, e.g. revenue of the last 7 days. --}}
<div {{ $attributes->merge(['class' => 'bg-white dark:bg-gray-800 shadow-sm sm:rounded-lg p-5']) }}>
    <div class="text-sm font-medium text-gray-500 dark:text-gray-400">{{ $label }}</div>
    <div class="mt-1 text-2xl font-semibold tabular-nums text-gray-900 dark:text-gray-100" data-testid="stat-value">{{ $value }}</div>
    @if ($hint)
        <div class="mt-1 text-xs text-gray-500 dark:text-gray-400">{{ $hint }}</div>
    @endif
</div>
