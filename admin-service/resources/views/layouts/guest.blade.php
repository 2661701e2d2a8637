<!DOCTYPE html>
<html lang="{{ str_replace('_', '-', app()->getLocale()) }}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="csrf-token" content="{{ csrf_token() }}">
    <title>{{ config('app.name') }}</title>
    @include('layouts.partials.theme-script')
    <x-vite-assets :entries="['resources/css/app.css', 'resources/js/app.js']" />
</head>
<body class="font-sans antialiased text-gray-900 dark:text-gray-100">
<div class="min-h-screen flex flex-col sm:justify-center items-center pt-6 sm:pt-0 bg-gray-100 dark:bg-gray-900">
    <div class="absolute top-4 right-4"><x-theme-toggle /></div>
    <a href="{{ route('login') }}" class="flex flex-col items-center gap-2">
        <x-application-logo class="w-16 h-16 fill-current text-indigo-600 dark:text-indigo-400" />
        <span class="text-sm font-semibold tracking-wide text-gray-600 dark:text-gray-300">{{ config('app.name') }}</span>
    </a>
    <div class="w-full sm:max-w-md mt-6 px-6 py-4 bg-white dark:bg-gray-800 shadow-md overflow-hidden sm:rounded-lg">
        {{ $slot }}
    </div>
</div>
</body>
</html>
