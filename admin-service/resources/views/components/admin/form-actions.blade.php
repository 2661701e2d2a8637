@props(['cancel'])
{{-- A form's submit button (label in the slot) and its Cancel link. --}}
<div class="flex items-center gap-4">
    <x-button>{{ $slot }}</x-button>
    <a href="{{ $cancel }}" class="text-sm text-gray-600 dark:text-gray-400 hover:underline">Cancel</a>
</div>
