@php $tones = ['active' => 'green', 'revoked' => 'red', 'expired' => 'yellow']; @endphp
<x-app-layout title="API keys">
    <x-slot name="header">API keys</x-slot>

    <div class="flex flex-wrap items-center justify-between gap-4">
        <p class="text-sm text-gray-600 dark:text-gray-400 max-w-2xl">
            Service keys authenticate other services on the gateway's service routes (header <code>X-Api-Key</code>).
            Only a hash is stored: a key is shown once, when it is created.
        </p>
        <x-admin.link-button :href="route('admin.api-keys.create')" data-testid="new-key">New key</x-admin.link-button>
    </div>

    <x-admin.table :headers="['Name', 'Key id', 'Scopes', 'Last used', 'Expires', 'State', '']" data-testid="api-keys">
        @forelse ($keys as $key)
            @php $state = $key->state(); @endphp
            <tr data-testid="key-row" data-prefix="{{ $key->prefix }}">
                <td class="px-4 py-2"><div class="font-medium">{{ $key->name }}</div>
                    <div class="text-xs text-gray-500">created {{ $key->created_at?->format('Y-m-d') }}{{ $key->creator ? ' by '.$key->creator->email : '' }}</div></td>
                <td class="px-4 py-2 font-mono text-xs whitespace-nowrap">#{{ $key->id }} · {{ $key->prefix }}…</td>
                <td class="px-4 py-2"><div class="flex flex-wrap gap-1">@foreach ($key->scopes as $scope)<x-admin.badge tone="indigo">{{ $scope }}</x-admin.badge>@endforeach</div></td>
                <td class="px-4 py-2 text-gray-500 tabular-nums whitespace-nowrap">{{ $key->last_used_at?->diffForHumans() ?? 'never' }}</td>
                <td class="px-4 py-2 text-gray-500 tabular-nums whitespace-nowrap">{{ $key->expires_at ? $key->expires_at->format('Y-m-d H:i').' UTC' : 'never' }}</td>
                <td class="px-4 py-2"><x-admin.badge :tone="$tones[$state]" data-testid="key-state">{{ $state }}</x-admin.badge></td>
                <td class="px-4 py-2 text-right">
                    @if ($state !== 'revoked')
                        <form method="POST" action="{{ route('admin.api-keys.revoke', $key) }}" onsubmit="return confirm('Revoke {{ $key->prefix }}…? Services using it get 401 at once.')">
                            @csrf
                            @method('DELETE')
                            <button type="submit" class="text-red-600 dark:text-red-400 hover:underline" data-testid="revoke">Revoke</button>
                        </form>
                    @endif
                </td>
            </tr>
        @empty
            <tr><td colspan="7" class="px-4 py-6 text-center text-gray-500">No keys yet.</td></tr>
        @endforelse
    </x-admin.table>

    <div>{{ $keys->links() }}</div>
</x-app-layout>
