<x-app-layout :title="'Edit '.$user->email">
    <x-slot name="header">Edit {{ $user->email }}</x-slot>
    <x-card>
        <form method="POST" action="{{ route('admin.users.update', $user) }}" class="space-y-6" data-testid="user-form">
            @csrf
            @method('PUT')
            @include('admin.users._form')
            <x-admin.form-actions :cancel="route('admin.users.index')">Save</x-admin.form-actions>
        </form>
    </x-card>

    @can('delete', $user)
        <x-card class="border border-red-200 dark:border-red-900">
            <x-admin.section-title>Delete account</x-admin.section-title>
            <p class="text-sm text-gray-600 dark:text-gray-400 mb-4">Accounts with orders cannot be deleted; disable them instead.</p>
            @error('user')
                <p class="mb-3 text-sm text-red-600 dark:text-red-400" data-testid="error-user">{{ $message }}</p>
            @enderror
            <form method="POST" action="{{ route('admin.users.destroy', $user) }}" onsubmit="return confirm('Delete {{ $user->email }}?')">
                @csrf
                @method('DELETE')
                <x-button class="!bg-red-600 hover:!bg-red-500 !text-white">Delete</x-button>
            </form>
        </x-card>
    @endcan
</x-app-layout>
