{{-- One status-history row ($row: App\Services\Broadcasting\OrderHistoryRow). The order page's script
     fills a blank copy (<template id="history-row-template">) from order.status_changed, so a row
     added live has this markup too. --}}
<li data-testid="history-row" data-history-id="{{ $row['id'] }}" class="tabular-nums">
    <span class="text-gray-500" data-part="at">{{ $row['at'] }}</span>
    {{ $row['from'] }} → <strong>{{ $row['to'] }}</strong>
    <span class="text-gray-500" data-part="by">by {{ $row['by'] }}</span>
    @if ($row['reason'] !== null)<span class="text-gray-500" data-part="reason">({{ $row['reason'] }})</span>@endif
</li>
