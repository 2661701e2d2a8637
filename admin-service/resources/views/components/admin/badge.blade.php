@props(['tone' => 'gray'])
{{-- A small pill: tone green (ok), red (broken), yellow (attention), indigo (info) or gray. --}}
<span {{ $attributes->class([
    'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold',
    'bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-200' => $tone === 'green',
    'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200' => $tone === 'red',
    'bg-yellow-100 text-yellow-800 dark:bg-yellow-900/50 dark:text-yellow-200' => $tone === 'yellow',
    'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-200' => $tone === 'indigo',
    'bg-gray-100 text-gray-700 dark:bg-gray-700 dark:text-gray-200' => $tone === 'gray',
]) }}>{{ $slot }}</span>
