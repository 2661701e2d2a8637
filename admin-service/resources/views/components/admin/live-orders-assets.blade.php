{{-- Live order notifications on this page (Laravel Echo, private channel admin.orders): put in the `head` stack. --}}
<meta name="order-url" content="{{ route('admin.orders.show', ['order' => '__ID__']) }}">
<x-vite-assets :entries="['resources/js/pages/live-orders.js']" />
