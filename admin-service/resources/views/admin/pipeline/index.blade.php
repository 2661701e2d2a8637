{{-- CDC pipeline health for ops. Rendered with the first report, then refreshed from
     admin.pipeline.status every 2 s by resources/js/pages/pipeline.js (Alpine "pipelineStatus"). --}}
<x-app-layout title="Pipeline">
    @push('head')
        <x-vite-assets :entries="['resources/js/pages/pipeline.js']" />
    @endpush
    <x-slot name="header">Pipeline</x-slot>

    <div x-data="pipelineStatus(@js(route('admin.pipeline.status')))" x-ignore data-alpine-page data-testid="pipeline">
        <script type="application/json" x-ref="initial">@json($status)</script>

        <div x-show="!s.reachable" role="alert" data-testid="gateway-banner"
             class="mb-6 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-900/40 dark:text-red-200"
             @if ($status['reachable']) style="display: none" @endif>
            <div class="font-semibold">The pipeline's state cannot be read right now.</div>
            <div x-text="s.error">{{ $status['error'] }}</div>
        </div>

        <div class="space-y-6">
            <div class="flex flex-wrap items-center justify-between gap-4">
                <div class="flex items-center gap-3 text-sm">
                    <span class="inline-flex items-center gap-2 rounded-full px-3 py-1 font-semibold" data-testid="overall"
                          :class="s.healthy ? 'bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-200' : 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200'">
                        <span class="h-2 w-2 rounded-full" :class="s.healthy ? 'bg-green-500' : 'bg-red-500'"></span>
                        <span x-text="s.healthy ? 'Healthy' : 'Needs attention'"></span>
                    </span>
                    <span class="text-gray-500 dark:text-gray-400">checked <span x-text="ago(s.checkedAt)"></span>, refreshes every 2 s</span>
                </div>
                @can('restart', \App\Services\Pipeline\Connector::class)
                    <form method="POST" action="{{ route('admin.pipeline.restart') }}" @submit.prevent="restart($el)">
                        @csrf
                        <x-button ::disabled="restarting" data-testid="restart-connector">
                            <span x-text="restarting ? 'Restarting…' : 'Restart connector'">Restart connector</span>
                        </x-button>
                    </form>
                @endcan
            </div>
            <p x-show="notice" x-text="notice" class="text-sm" :class="noticeOk ? 'text-green-700 dark:text-green-300' : 'text-red-700 dark:text-red-300'" data-testid="restart-notice" style="display: none"></p>

            <div class="grid grid-cols-1 gap-6 lg:grid-cols-2">
                <x-card data-testid="connector">
                    <x-admin.section-title>Debezium connector</x-admin.section-title>
                    <template x-if="!s.connector.available">
                        <p class="text-sm text-red-700 dark:text-red-300" x-text="s.connector.reason || 'unknown'"></p>
                    </template>
                    <template x-if="s.connector.available">
                        <div class="space-y-3 text-sm">
                            <div class="flex items-center justify-between">
                                <span class="font-mono" x-text="s.connector.name"></span>
                                <span class="rounded-full px-2.5 py-0.5 text-xs font-semibold" data-testid="connector-state" :data-state="s.connector.state"
                                      :class="tone(s.connector.state === 'RUNNING')" x-text="s.connector.state"></span>
                            </div>
                            <template x-for="t in s.connector.tasks" :key="t.id">
                                <div class="flex items-start justify-between gap-3 border-t border-gray-100 dark:border-gray-700 pt-2">
                                    <div>
                                        <div>task <span x-text="t.id"></span> <span class="text-gray-500" x-text="t.workerId ? 'on ' + t.workerId : ''"></span></div>
                                        <div class="text-xs text-red-600 dark:text-red-400 break-all" x-show="t.trace" x-text="t.trace"></div>
                                    </div>
                                    <span class="rounded-full px-2.5 py-0.5 text-xs font-semibold" data-testid="task-state" :class="tone(t.state === 'RUNNING')" x-text="t.state"></span>
                                </div>
                            </template>
                            <p x-show="s.connector.tasks.length === 0" class="text-red-700 dark:text-red-300">No task is running.</p>
                        </div>
                    </template>
                </x-card>

                <x-card data-testid="slot">
                    <x-admin.section-title>Replication slot</x-admin.section-title>
                    <template x-if="!s.replicationSlot.available"><p class="text-sm text-red-700 dark:text-red-300" x-text="s.replicationSlot.reason || 'unknown'"></p></template>
                    <template x-if="s.replicationSlot.available">
                        <dl class="grid grid-cols-2 gap-y-2 text-sm">
                            <dt class="text-gray-500">slot</dt><dd class="font-mono" x-text="s.replicationSlot.name"></dd>
                            <dt class="text-gray-500">active</dt><dd><span class="rounded-full px-2.5 py-0.5 text-xs font-semibold" :class="tone(s.replicationSlot.active)" x-text="s.replicationSlot.active ? 'yes' : 'no'"></span></dd>
                            <dt class="text-gray-500">lag (unconfirmed WAL)</dt><dd class="tabular-nums" data-testid="slot-lag" x-text="bytes(s.replicationSlot.lagBytes)"></dd>
                            <dt class="text-gray-500">retained WAL</dt><dd class="tabular-nums" x-text="bytes(s.replicationSlot.retainedBytes)"></dd>
                        </dl>
                    </template>
                </x-card>

                <x-card data-testid="indexer">
                    <x-admin.section-title>Indexer</x-admin.section-title>
                    <dl class="grid grid-cols-2 gap-y-2 text-sm">
                        <dt class="text-gray-500">consumer lag</dt>
                        <dd class="tabular-nums" data-testid="consumer-lag" x-text="s.consumerGroup.available ? num(s.consumerGroup.lag) + ' events (' + s.consumerGroup.state + ')' : (s.consumerGroup.reason || 'unknown')"></dd>
                        <dt class="text-gray-500">events/s</dt>
                        <dd class="tabular-nums" data-testid="events-per-second" x-text="s.indexer.available ? num(s.indexer.eventsPerSecond, 1) : (s.indexer.reason || 'unknown')"></dd>
                        <dt class="text-gray-500">last event</dt>
                        <dd class="tabular-nums" data-testid="last-event" x-text="s.indexer.available ? (s.indexer.lastEventAgeSeconds === null ? 'none yet' : seconds(s.indexer.lastEventAgeSeconds) + ' ago') : '–'"></dd>
                    </dl>
                </x-card>

                <x-card data-testid="index">
                    <x-admin.section-title>Search index vs PostgreSQL</x-admin.section-title>
                    <template x-if="!s.index.available"><p class="text-sm text-red-700 dark:text-red-300" x-text="s.index.reason || 'unknown'"></p></template>
                    <template x-if="s.index.available">
                        <dl class="grid grid-cols-2 gap-y-2 text-sm">
                            <dt class="text-gray-500">index documents</dt><dd class="tabular-nums" data-testid="index-docs" x-text="num(s.index.indexDocuments)"></dd>
                            <dt class="text-gray-500">sellable products</dt><dd class="tabular-nums" data-testid="pg-products" x-text="num(s.index.postgresProducts)"></dd>
                            <dt class="text-gray-500">difference</dt>
                            <dd><span class="rounded-full px-2.5 py-0.5 text-xs font-semibold tabular-nums" :class="tone(s.index.difference === 0)" x-text="s.index.difference"></span></dd>
                        </dl>
                    </template>
                </x-card>
            </div>
        </div>
    </div>
</x-app-layout>
