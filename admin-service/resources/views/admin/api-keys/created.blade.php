<x-app-layout title="API key created">
    <x-slot name="header">API key created</x-slot>
    <x-card class="space-y-4" x-data="{ copied: false }">
        <div class="rounded-md border border-yellow-200 bg-yellow-50 px-4 py-3 text-sm text-yellow-800 dark:border-yellow-800 dark:bg-yellow-900/40 dark:text-yellow-200" role="alert">
            Copy this key now: it is shown only once and cannot be recovered. Lost keys are revoked and replaced.
        </div>
        <div>
            <x-label for="plaintext" value="{{ $key->name }} · {{ implode(', ', $key->scopes) }}" />
            <div class="mt-1 flex gap-2">
                <input id="plaintext" type="text" readonly value="{{ $plaintext }}" data-testid="plaintext-key" x-ref="key" @focus="$event.target.select()"
                       class="flex-1 font-mono text-sm rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900">
                <x-button type="button" @click="navigator.clipboard?.writeText($refs.key.value); copied = true">
                    <span x-text="copied ? 'Copied' : 'Copy'">Copy</span>
                </x-button>
            </div>
            <p class="mt-2 text-xs text-gray-500">Key id #{{ $key->id }} · {{ $key->prefix }}… · expires {{ $key->expires_at ? $key->expires_at->format('Y-m-d H:i').' UTC' : 'never' }}. Send it as the <code>X-Api-Key</code> header.</p>
        </div>
        <a href="{{ route('admin.api-keys.index') }}" class="inline-block text-sm text-indigo-600 dark:text-indigo-400 hover:underline">Back to API keys</a>
    </x-card>
</x-app-layout>
