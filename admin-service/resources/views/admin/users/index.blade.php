<x-app-layout title="Users">
    <x-slot name="header">Users</x-slot>

    <div class="flex flex-wrap items-end justify-between gap-4">
        <form method="GET" action="{{ route('admin.users.index') }}" class="flex flex-wrap items-end gap-3" role="search">
            <div>
                <x-label for="q" value="Search" />
                <x-input id="q" name="q" type="search" :value="$search" placeholder="Name or email" class="mt-1 w-64" data-testid="user-search" />
            </div>
            <div>
                <x-label for="role" value="Role" />
                <select id="role" name="role" class="mt-1 rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900">
                    <option value="">Any</option>
                    @foreach (['admin', 'customer'] as $r)
                        <option value="{{ $r }}" {{ $role === $r ? 'selected' : '' }}>{{ ucfirst($r) }}</option>
                    @endforeach
                </select>
            </div>
            <x-button>Search</x-button>
        </form>
        <x-admin.link-button :href="route('admin.users.create')" data-testid="new-user">New user</x-admin.link-button>
    </div>

    <x-admin.table :headers="['Name', 'Email', 'Role', 'State', 'Created', '']" data-testid="users">
        @forelse ($users as $u)
            <tr data-testid="user-row" data-id="{{ $u->id }}" data-email="{{ $u->email }}">
                <td class="px-4 py-2 font-medium"><a href="{{ route('admin.users.edit', $u) }}" class="hover:underline">{{ $u->name }}</a></td>
                <td class="px-4 py-2">{{ $u->email }}</td>
                <td class="px-4 py-2"><x-admin.badge :tone="$u->isAdmin() ? 'indigo' : 'gray'">{{ $u->role }}</x-admin.badge></td>
                <td class="px-4 py-2">
                    @if ($u->is_disabled)
                        <x-admin.badge tone="red">disabled</x-admin.badge>
                    @else
                        <x-admin.badge tone="green">active</x-admin.badge>
                    @endif
                </td>
                <td class="px-4 py-2 text-gray-500 tabular-nums">{{ optional($u->created_at)->format('Y-m-d') }}</td>
                <td class="px-4 py-2 text-right"><a href="{{ route('admin.users.edit', $u) }}" class="text-indigo-600 dark:text-indigo-400 hover:underline">Edit</a></td>
            </tr>
        @empty
            <tr><td colspan="6" class="px-4 py-6 text-center text-gray-500">No users match.</td></tr>
        @endforelse
    </x-admin.table>

    <div>{{ $users->links() }}</div>
</x-app-layout>
