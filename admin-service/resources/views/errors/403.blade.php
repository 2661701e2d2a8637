<x-guest-layout>
    <div data-testid="forbidden" class="text-center space-y-3 py-4">
        <p class="text-4xl font-bold text-gray-400">403</p>
        <h1 class="text-lg font-semibold">{{ __('Administrators only') }}</h1>
        <p class="text-sm text-gray-600 dark:text-gray-400">{{ $exception->getMessage() ?: __('You are signed in, but this account may not use the admin.') }}</p>
        @auth
            <form method="POST" action="{{ route('logout') }}">
                @csrf
                <button type="submit" class="underline text-sm text-gray-600 hover:text-gray-900 dark:text-gray-400">{{ __('Sign in with another account') }}</button>
            </form>
        @endauth
        <a href="/" class="block underline text-sm text-gray-600 hover:text-gray-900 dark:text-gray-400">{{ __('Go to the shop') }}</a>
    </div>
</x-guest-layout>
