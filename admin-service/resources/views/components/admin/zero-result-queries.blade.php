@props(['queries' => null, 'days' => 7])
{{-- Top searches that found nothing (ZeroResultQueries): null = Elasticsearch unavailable. --}}
<div {{ $attributes->merge(['data-testid' => 'zero-result-queries']) }}>
    <x-admin.section-title>Top zero-result searches · {{ $days }} days</x-admin.section-title>
    <x-admin.table :headers="['Query', 'Searches', 'Last seen']">
        @if ($queries === null)
            <tr><td colspan="3" class="px-4 py-6 text-center text-gray-500" data-testid="zero-results-unavailable">Search analytics unavailable (Elasticsearch did not answer).</td></tr>
        @else
            @forelse ($queries as $q)
                <tr data-testid="zero-result-query">
                    <td class="px-4 py-2 font-medium break-all">{{ $q['query'] }}</td>
                    <td class="px-4 py-2 tabular-nums" data-testid="searches">{{ number_format($q['searches']) }}</td>
                    <td class="px-4 py-2 text-gray-500 whitespace-nowrap">{{ $q['lastSeen'] !== '' ? \Illuminate\Support\Carbon::parse($q['lastSeen'])->diffForHumans() : '–' }}</td>
                </tr>
            @empty
                <tr><td colspan="3" class="px-4 py-6 text-center text-gray-500">Every search of the last {{ $days }} days found products.</td></tr>
            @endforelse
        @endif
    </x-admin.table>
</div>
