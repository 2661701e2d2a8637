<x-app-layout title="New API key">
    <x-slot name="header">New API key</x-slot>
    <x-card>
        <form method="POST" action="{{ route('admin.api-keys.store') }}" class="space-y-6 max-w-xl" data-testid="key-form">
            @csrf
            <x-admin.field name="name" label="Name" hint="Who uses it, e.g. 'reindex cron on worker-2'.">
                <x-input id="name" name="name" type="text" class="w-full" :value="old('name')" required maxlength="120" />
            </x-admin.field>
            <x-admin.field name="scopes" label="Scopes">
                <div class="space-y-2">
                    @foreach ($scopes as $scope)
                        <label class="flex items-center gap-2 text-sm">
                            <input type="checkbox" name="scopes[]" value="{{ $scope }}" class="rounded border-gray-300 dark:border-gray-700 text-indigo-600"
                                   {{ in_array($scope, old('scopes', []), true) ? 'checked' : '' }}>
                            <code>{{ $scope }}</code>
                        </label>
                    @endforeach
                </div>
                @error('scopes.*')
                    <p class="mt-1 text-sm text-red-600 dark:text-red-400">{{ $message }}</p>
                @enderror
            </x-admin.field>
            <x-admin.field name="expires_at" label="Expires (UTC, optional)" hint="Leave empty for a key that does not expire.">
                <x-input id="expires_at" name="expires_at" type="datetime-local" :value="old('expires_at')" />
            </x-admin.field>
            <x-admin.form-actions :cancel="route('admin.api-keys.index')">Create key</x-admin.form-actions>
        </form>
    </x-card>
</x-app-layout>
