{{-- One end of the pager: a link to $url, or a greyed label when there is none. --}}
@php $classes = 'inline-flex items-center px-3 py-2 rounded-md border text-sm font-medium'; @endphp
@if ($url)
    <a href="{{ $url }}" rel="{{ $rel }}" class="{{ $classes }} border-gray-300 text-gray-700 bg-white hover:bg-gray-50 dark:border-gray-600 dark:text-gray-200 dark:bg-gray-800 dark:hover:bg-gray-700">{!! $label !!}</a>
@else
    <span class="{{ $classes }} border-gray-200 text-gray-400 dark:border-gray-700 dark:text-gray-600 cursor-default">{!! $label !!}</span>
@endif
