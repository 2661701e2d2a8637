@props(['statuses'])
{{-- One rendered status pill per status, cloned by the live scripts when an order moves (same look as the server's). --}}
<template id="order-status-pills">
    @foreach ($statuses as $status)
        <x-admin.order-status :status="$status" />
    @endforeach
</template>
