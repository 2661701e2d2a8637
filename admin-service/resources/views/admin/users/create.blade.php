<x-app-layout title="New user">
    <x-slot name="header">New user</x-slot>
    <x-card>
        <form method="POST" action="{{ route('admin.users.store') }}" class="space-y-6" data-testid="user-form">
            @csrf
            @include('admin.users._form')
            <div class="flex items-center gap-4">
                <x-button>Create user</x-button>
                <a href="{{ route('admin.users.index') }}" class="text-sm text-gray-600 dark:text-gray-400 hover:underline">Cancel</a>
            </div>
        </form>
    </x-card>
</x-app-layout>
