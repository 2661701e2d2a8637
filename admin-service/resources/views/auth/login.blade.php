<x-guest-layout>
    <h1 class="mb-4 text-lg font-semibold text-gray-800 dark:text-gray-100">{{ __('Sign in to the admin') }}</h1>
    <x-auth-session-status class="mb-4" :status="session('status')" />
    <x-auth-validation-errors class="mb-4" :errors="$errors" />

    <form method="POST" action="{{ route('login') }}" data-testid="login-form">
        @csrf
        <div>
            <x-label for="email" :value="__('Email')" />
            <x-input id="email" class="block mt-1 w-full" type="email" name="email" :value="old('email')" required autofocus autocomplete="username" />
        </div>
        <div class="mt-4">
            <x-label for="password" :value="__('Password')" />
            <x-input id="password" class="block mt-1 w-full" type="password" name="password" required autocomplete="current-password" />
        </div>
        <div class="flex items-center justify-end mt-4">
            <a class="underline text-sm text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100" href="{{ route('password.request') }}">
                {{ __('Forgot your password?') }}
            </a>
            <x-button class="ml-3">{{ __('Log in') }}</x-button>
        </div>
    </form>
</x-guest-layout>
