@props(['status'])
{{-- An order status as a coloured pill. --}}
@php($tone = match ($status) {
    'paid', 'delivered' => 'green',
    'shipped' => 'indigo',
    'pending' => 'yellow',
    'payment_failed', 'cancelled' => 'red',
    default => 'gray',
})
<x-admin.badge :tone="$tone" data-status="{{ $status }}" {{ $attributes }}>{{ str_replace('_', ' ', $status) }}</x-admin.badge>
