<x-app-layout title="New user">
    <x-slot name="header">New user</x-slot>
    <x-card>
        <form method="POST" action="{{ route('admin.users.store') }}" class="space-y-6" data-testid="user-form">
            @csrf
            @include('admin.users._form')
            <x-admin.form-actions :cancel="route('admin.users.index')">Create user</x-admin.form-actions>
        </form>
    </x-card>
</x-app-layout>
