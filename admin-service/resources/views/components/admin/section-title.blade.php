{{-- A card heading. --}}
<h3 {{ $attributes->merge(['class' => 'text-base font-semibold text-gray-800 dark:text-gray-100 mb-3']) }}>{{ $slot }}</h3>
