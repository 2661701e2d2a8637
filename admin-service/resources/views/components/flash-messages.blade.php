{{-- session('success'|'error'|'warning'|'status') set by controllers with ->with(...); dismissible --}}
@foreach (['success' => 'green', 'status' => 'green', 'warning' => 'yellow', 'error' => 'red'] as $key => $color)
    @if (session()->has($key))
        <div x-data="{ open: true }" x-show="open" role="{{ $key === 'error' ? 'alert' : 'status' }}" data-testid="flash-{{ $key }}"
             @class([
                'flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm',
                'border-green-200 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-900/40 dark:text-green-200' => $color === 'green',
                'border-yellow-200 bg-yellow-50 text-yellow-800 dark:border-yellow-800 dark:bg-yellow-900/40 dark:text-yellow-200' => $color === 'yellow',
                'border-red-200 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-900/40 dark:text-red-200' => $color === 'red',
             ])>
            <span>{{ session($key) }}</span>
            <button type="button" @click="open = false" class="opacity-60 hover:opacity-100" aria-label="Dismiss">&times;</button>
        </div>
    @endif
@endforeach
