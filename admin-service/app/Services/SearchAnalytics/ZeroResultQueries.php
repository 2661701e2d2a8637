<?php

namespace App\Services\SearchAnalytics;

use Carbon\CarbonImmutable;

/**
 * The top queries that found nothing, read from the gateway's search events in Elasticsearch
 * (daily indices `<prefix>-YYYY.MM.DD`, elasticsearch/index/search-events.json): one terms
 * aggregation over the events of the last N days with `zeroResults: true` and a non-empty query.
 * Returns null when Elasticsearch can't answer, so the dashboard shows the card as unavailable
 * instead of failing.
 */
class ZeroResultQueries
{
    public function __construct(
        private readonly string $elasticsearchUrl,
        private readonly string $indexPrefix,
        private readonly float $timeoutSeconds = 2.0,
    ) {
    }

    /** @return list<array{query: string, searches: int, lastSeen: string}>|null */
    public function top(int $days = 7, int $size = 10, ?CarbonImmutable $now = null): ?array
    {
        $now = ($now ?? CarbonImmutable::now('UTC'))->setTimezone('UTC');
        $body = [
            'size' => 0,
            'track_total_hits' => false,
            'query' => ['bool' => [
                'filter' => [
                    ['term' => ['zeroResults' => true]],
                    ['range' => ['timestamp' => ['gte' => $now->subDays($days)->toIso8601ZuluString('millisecond'), 'lte' => $now->toIso8601ZuluString('millisecond')]]],
                ],
                'must_not' => [['term' => ['query' => '']]],
            ]],
            'aggs' => ['queries' => [
                'terms' => ['field' => 'query', 'size' => $size, 'order' => [['_count' => 'desc'], ['_key' => 'asc']]],
                'aggs' => ['lastSeen' => ['max' => ['field' => 'timestamp']]],
            ]],
        ];
        // every daily index of the prefix; none yet (a fresh platform) is an empty answer, not an error
        $answer = $this->post('/'.rawurlencode($this->indexPrefix).'-*/_search?ignore_unavailable=true&allow_no_indices=true', $body);
        if ($answer === null) {
            return null;
        }

        return array_map(static fn (array $b) => [
            'query' => (string) $b['key'],
            'searches' => (int) $b['doc_count'],
            'lastSeen' => (string) ($b['lastSeen']['value_as_string'] ?? ''),
        ], $answer['aggregations']['queries']['buckets'] ?? []);
    }

    /** @return array<string, mixed>|null the decoded 200 answer, null on any failure */
    private function post(string $path, array $body): ?array
    {
        $curl = curl_init(rtrim($this->elasticsearchUrl, '/').$path);
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => json_encode($body, JSON_THROW_ON_ERROR),
            CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Accept: application/json'],
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT_MS => (int) ($this->timeoutSeconds * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) ($this->timeoutSeconds * 1000),
        ]);
        $raw = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $error = curl_error($curl);
        curl_close($curl);
        if ($raw === false || $status !== 200) {
            logger()->warning('search analytics: Elasticsearch did not answer', ['status' => $status, 'error' => $error ?: substr((string) $raw, 0, 200)]);

            return null;
        }
        $json = json_decode($raw, true);

        return is_array($json) ? $json : null;
    }
}
