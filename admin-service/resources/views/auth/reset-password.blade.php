<x-guest-layout>
    <x-auth-validation-errors class="mb-4" :errors="$errors" />

    <form method="POST" action="{{ route('password.update') }}">
        @csrf
        <input type="hidden" name="token" value="{{ $token }}">
        <div>
            <x-label for="email" :value="__('Email')" />
            <x-input id="email" class="block mt-1 w-full" type="email" name="email" :value="old('email', $email)" required autofocus />
        </div>
        <div class="mt-4">
            <x-label for="password" :value="__('New password')" />
            <x-input id="password" class="block mt-1 w-full" type="password" name="password" required autocomplete="new-password" />
            <p class="mt-1 text-xs text-gray-500 dark:text-gray-400">{{ __('The platform\'s password rules apply; the form says which one is not met.') }}</p>
        </div>
        <div class="mt-4">
            <x-label for="password_confirmation" :value="__('Confirm Password')" />
            <x-input id="password_confirmation" class="block mt-1 w-full" type="password" name="password_confirmation" required />
        </div>
        <div class="flex items-center justify-end mt-4">
            <x-button>{{ __('Reset Password') }}</x-button>
        </div>
    </form>
</x-guest-layout>
