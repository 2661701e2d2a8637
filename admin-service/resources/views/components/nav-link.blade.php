@props(['active' => false, 'icon' => null])

<a {{ $attributes->merge(['class' => $active
        ? 'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium bg-indigo-50 text-indigo-700 dark:bg-gray-900 dark:text-indigo-300'
        : 'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-gray-600 hover:bg-gray-50 hover:text-gray-900 dark:text-gray-400 dark:hover:bg-gray-700 dark:hover:text-gray-100']) }}
   @if ($active) aria-current="page" @endif>
    @if ($icon)<x-icon :name="$icon" class="h-5 w-5 shrink-0" />@endif
    <span>{{ $slot }}</span>
</a>
