<div {{ $attributes->merge(['class' => 'bg-white dark:bg-gray-800 overflow-hidden shadow-sm sm:rounded-lg p-6']) }}>
    {{ $slot }}
</div>
