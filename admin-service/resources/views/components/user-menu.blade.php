@auth
<div x-data="{ open: false }" class="relative" @click.outside="open = false" @keydown.escape="open = false">
    <button type="button" @click="open = !open" data-testid="user-menu"
            class="flex items-center gap-2 text-sm font-medium text-gray-600 hover:text-gray-800 dark:text-gray-300 dark:hover:text-gray-100">
        <span data-testid="signed-in-as">{{ auth()->user()->name }}</span>
        <svg class="h-4 w-4" fill="currentColor" viewBox="0 0 20 20"><path fill-rule="evenodd" d="M5.293 7.293a1 1 0 011.414 0L10 10.586l3.293-3.293a1 1 0 111.414 1.414l-4 4a1 1 0 01-1.414 0l-4-4a1 1 0 010-1.414z" clip-rule="evenodd"/></svg>
    </button>
    <div x-show="open" x-cloak x-transition class="absolute right-0 mt-2 w-56 rounded-md shadow-lg bg-white dark:bg-gray-700 ring-1 ring-black ring-opacity-5 py-1 z-20">
        <div class="px-4 py-2 text-xs text-gray-500 dark:text-gray-300 truncate">{{ auth()->user()->email }}</div>
        <form method="POST" action="{{ route('logout') }}">
            @csrf
            <button type="submit" data-testid="logout" class="block w-full text-left px-4 py-2 text-sm text-gray-700 dark:text-gray-200 hover:bg-gray-100 dark:hover:bg-gray-600">
                {{ __('Log out') }}
            </button>
        </form>
    </div>
</div>
@endauth
