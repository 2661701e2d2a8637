<x-app-layout :title="$section">
    <x-card data-testid="coming-soon">
        <div class="flex flex-col items-center text-center py-12 gap-3">
            <span class="inline-flex items-center rounded-full bg-indigo-100 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-indigo-700 dark:bg-indigo-900/60 dark:text-indigo-200">
                {{ __('Coming in a later release') }}
            </span>
            <h2 class="text-lg font-semibold">{{ $section }}</h2>
            <p class="max-w-md text-sm text-gray-600 dark:text-gray-400">
                {{ __('This section of the admin is not built yet. Nothing here is real data; it will arrive in a later release.') }}
            </p>
        </div>
    </x-card>
</x-app-layout>
