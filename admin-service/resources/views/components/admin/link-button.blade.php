{{-- A link that looks like the primary button, e.g. "New user". --}}
<a {{ $attributes->merge(['class' => 'inline-flex items-center px-4 py-2 bg-indigo-600 rounded-md font-semibold text-xs text-white uppercase tracking-widest hover:bg-indigo-500']) }}>{{ $slot }}</a>
