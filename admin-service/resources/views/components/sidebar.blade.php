{{-- Desktop: fixed column. Mobile: off-canvas drawer opened by the header's menu button (sidebarOpen).
     Closed in the served HTML (-translate-x-full), so a phone never sees it open and slide away while Alpine starts. --}}
<div x-show="sidebarOpen" x-cloak class="fixed inset-0 z-30 bg-gray-900/50 lg:hidden" @click="sidebarOpen = false"></div>
<aside data-testid="sidebar"
       class="fixed inset-y-0 left-0 z-40 w-64 transform -translate-x-full bg-white dark:bg-gray-800 border-r border-gray-100 dark:border-gray-700 transition-transform duration-200 lg:translate-x-0"
       :class="{ '-translate-x-full': ! sidebarOpen, 'translate-x-0': sidebarOpen }">
    <div class="flex h-16 items-center gap-2 px-6 border-b border-gray-100 dark:border-gray-700">
        <x-application-logo class="h-8 w-8 fill-current text-indigo-600 dark:text-indigo-400" />
        <a href="{{ route('admin.dashboard') }}" class="font-semibold text-gray-800 dark:text-gray-100">{{ config('app.name') }}</a>
        <button type="button" class="ml-auto lg:hidden text-gray-500" @click="sidebarOpen = false" aria-label="Close the menu">&times;</button>
    </div>
    <nav class="px-3 py-4 space-y-1" aria-label="Sections">
        @foreach (\App\Support\AdminSections::all() as $section)
            <x-nav-link :href="route($section['route'])" :active="request()->routeIs(\Illuminate\Support\Str::beforeLast($section['route'], '.index').'*')" :icon="$section['icon']">
                {{ $section['label'] }}
            </x-nav-link>
        @endforeach
    </nav>
</aside>
