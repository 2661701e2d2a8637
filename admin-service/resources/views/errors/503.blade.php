<x-guest-layout>
    <div data-testid="unavailable" class="text-center space-y-3 py-4">
        <p class="text-4xl font-bold text-gray-400">503</p>
        <p class="text-sm text-gray-600 dark:text-gray-400">{{ $message ?? __('Service unavailable.') }}</p>
    </div>
</x-guest-layout>
