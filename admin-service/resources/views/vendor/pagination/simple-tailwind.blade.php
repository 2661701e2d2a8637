{{-- The admin's pager for simplePaginate() (no total known): Previous · Page N · Next. --}}
@if ($paginator->hasPages())
    <nav role="navigation" aria-label="Pagination" class="flex items-center justify-between gap-4" data-testid="pagination">
        @include('pagination::_step', ['url' => $paginator->onFirstPage() ? null : $paginator->previousPageUrl(), 'rel' => 'prev', 'label' => '&larr; Previous'])
        <span class="text-sm text-gray-600 dark:text-gray-400">Page {{ $paginator->currentPage() }}</span>
        @include('pagination::_step', ['url' => $paginator->hasMorePages() ? $paginator->nextPageUrl() : null, 'rel' => 'next', 'label' => 'Next &rarr;'])
    </nav>
@endif
