<!DOCTYPE html>
<html lang="{{ str_replace('_', '-', app()->getLocale()) }}" class="h-full">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="csrf-token" content="{{ csrf_token() }}">
    <title>{{ $title ? $title.' · ' : '' }}{{ config('app.name') }}</title>
    @include('layouts.partials.theme-script')
    <x-vite-assets :entries="['resources/css/app.css', 'resources/js/app.js']" />
    @stack('head')
</head>
<body class="h-full font-sans antialiased bg-gray-100 text-gray-900 dark:bg-gray-900 dark:text-gray-100">
<div x-data="{ sidebarOpen: false }" class="min-h-full">
    <x-sidebar />

    <div class="lg:pl-64 flex flex-col min-h-screen">
        <header class="sticky top-0 z-10 flex h-16 items-center gap-4 bg-white dark:bg-gray-800 border-b border-gray-100 dark:border-gray-700 px-4 sm:px-6 lg:px-8">
            <button type="button" class="lg:hidden -ml-2 p-2 rounded-md text-gray-500 hover:text-gray-700 dark:text-gray-400 dark:hover:text-gray-200 hover:bg-gray-100 dark:hover:bg-gray-700"
                    @click="sidebarOpen = true" aria-label="Open the menu" data-testid="open-sidebar">
                <svg class="h-6 w-6" fill="none" viewBox="0 0 24 24" stroke="currentColor"><path stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="M4 6h16M4 12h16M4 18h16"/></svg>
            </button>
            <div class="flex-1 min-w-0 font-semibold text-xl leading-tight text-gray-800 dark:text-gray-100 truncate">
                {{ $header ?? $title ?? '' }}
            </div>
            <x-theme-toggle />
            <x-user-menu />
        </header>

        <main class="flex-1 py-8">
            <div class="max-w-7xl mx-auto px-4 sm:px-6 lg:px-8 space-y-6">
                <x-flash-messages />
                {{ $slot }}
            </div>
        </main>
    </div>
</div>
@stack('scripts')
</body>
</html>
