<?php

namespace Tests\Feature\Admin;

use App\Services\SearchAnalytics\ZeroResultQueries;
use Carbon\CarbonImmutable;
use Illuminate\Support\Str;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/**
 * The dashboard's "top zero-result searches" card on the running Elasticsearch: real search-event
 * documents in daily indices of a prefix of its own (the gateway's mapping,
 * elasticsearch/index/search-events.json), deleted afterwards.
 */
class ZeroResultQueriesTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords;

    private string $es;

    private string $prefix;

    /** @var list<string> */
    private array $indices = [];

    protected function setUp(): void
    {
        parent::setUp();
        $this->es = config('services.elasticsearch.url');
        $this->prefix = 'admin-test-search-events-'.Str::lower(Str::random(8));
        config(['services.elasticsearch.search_events_prefix' => $this->prefix]);
        $this->beforeApplicationDestroyed(function () {
            if ($this->indices !== []) { // by name: wildcard deletes are refused
                $this->es('DELETE', '/'.implode(',', $this->indices));
            }
        });
    }

    public function test_the_top_zero_result_queries_of_the_last_7_days_most_searched_first(): void
    {
        $now = CarbonImmutable::now('UTC');
        $this->events([
            ...$this->times('jeens', 3, $now, [1, 30, 60 * 24 * 3]),    // 3 searches, one in the index of 3 days ago
            ...$this->times('hedfones', 2, $now, [5, 60 * 24 * 6]),     // 2, the older one 6 days ago
            ...$this->times('zzz', 1, $now, [2]),
            ...$this->times('oldquery', 5, $now, [60 * 24 * 8]),       // 8 days ago: outside the window
            ...$this->times('laptop', 4, $now, [3], total: 12),         // found products
            ...$this->times('', 6, $now, [4]),                          // a browse without text that found nothing
        ]);

        $top = app(ZeroResultQueries::class)->top(7, 10, $now);

        $this->assertSame(['jeens', 'hedfones', 'zzz'], array_column($top, 'query'));
        $this->assertSame([3, 2, 1], array_column($top, 'searches'));
        $this->assertSame($now->subMinute()->format('Y-m-d\TH:i'), substr($top[0]['lastSeen'], 0, 16)); // the newest of the 3
        $this->assertSame(['jeens', 'hedfones'], array_column(app(ZeroResultQueries::class)->top(7, 2, $now), 'query'));
        $this->assertSame(['oldquery', 'jeens', 'hedfones', 'zzz'], array_column(app(ZeroResultQueries::class)->top(9, 10, $now), 'query')); // 5 searches 8 days ago

        $this->signIn();
        $this->get('/dashboard')->assertOk()
            ->assertSeeInOrder(['Top zero-result searches · 7 days', 'jeens', '3', 'hedfones', '2', 'zzz'])
            ->assertDontSee('oldquery')->assertDontSee('laptop');
    }

    public function test_no_search_events_yet_is_an_empty_card(): void
    {
        $this->assertSame([], app(ZeroResultQueries::class)->top()); // no index of the prefix exists

        $this->signIn();
        $this->get('/dashboard')->assertOk()->assertSee('Every search of the last 7 days found products.');
    }

    public function test_elasticsearch_unreachable_shows_the_card_as_unavailable_and_the_dashboard_still_renders(): void
    {
        config(['services.elasticsearch.url' => 'http://127.0.0.1:9', 'services.elasticsearch.timeout' => 0.5]); // nothing listens there

        $this->assertNull(app(ZeroResultQueries::class)->top());

        $this->signIn();
        $this->get('/dashboard')->assertOk()->assertSee('Search analytics unavailable')->assertSee('Revenue · today');
    }

    /** @return list<array<string, mixed>> `count` events of `query`, at the given minutes ago (the last one repeated). */
    private function times(string $query, int $count, CarbonImmutable $now, array $minutesAgo, int $total = 0): array
    {
        $events = [];
        for ($i = 0; $i < $count; $i++) {
            $at = $now->subMinutes($minutesAgo[min($i, count($minutesAgo) - 1)]);
            $events[] = ['timestamp' => $at->toIso8601ZuluString('millisecond'), 'query' => $query, 'filters' => [], 'sort' => null,
                'page' => 1, 'total' => $total, 'zeroResults' => $total === 0, 'latencyMs' => 12.5];
        }

        return $events;
    }

    /** Indexes the events into their daily indices (created with the gateway's mapping), searchable at once. */
    private function events(array $events): void
    {
        $definition = json_decode(file_get_contents(base_path('../elasticsearch/index/search-events.json')), true, 512, JSON_THROW_ON_ERROR);
        $lines = [];
        foreach ($events as $e) {
            $index = $this->prefix.'-'.substr(str_replace('-', '.', $e['timestamp']), 0, 10);
            if (! in_array($index, $this->indices, true)) {
                $this->assertSame(200, $this->es('PUT', '/'.$index, $definition)[0]);
                $this->indices[] = $index;
            }
            $lines[] = json_encode(['create' => ['_index' => $index]]);
            $lines[] = json_encode($e);
        }
        [$status, $answer] = $this->es('POST', '/_bulk?refresh=true', implode("\n", $lines)."\n", 'application/x-ndjson');
        $this->assertSame(200, $status);
        $this->assertFalse($answer['errors'], json_encode($answer));
    }

    /** @return array{0: int, 1: mixed} */
    private function es(string $method, string $path, array|string|null $body = null, string $type = 'application/json'): array
    {
        $curl = curl_init($this->es.$path);
        curl_setopt_array($curl, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10,
            CURLOPT_HTTPHEADER => ['Content-Type: '.$type]]);
        if ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, is_string($body) ? $body : json_encode($body));
        }
        $raw = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);

        return [$status, json_decode((string) $raw, true)];
    }
}
