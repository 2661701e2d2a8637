<?php

namespace App\Http\Resources;

use App\Services\Pipeline\PipelineSnapshot;
use Illuminate\Http\Resources\Json\JsonResource;

/**
 * The Pipeline page's JSON (polled every ~2 s): the gateway's GET /api/ops/pipeline report with
 * every section flattened to {available, reason, ...fields}, and whether the gateway answered.
 *
 * @property PipelineSnapshot $resource
 */
class PipelineStatusResource extends JsonResource
{
    private const SECTIONS = ['connector', 'replicationSlot', 'consumerGroup', 'indexer', 'index'];

    public function toArray($request): array
    {
        $report = $this->resource->report;
        $out = [
            'reachable' => $this->resource->reachable(),
            'error' => $this->resource->error,
            'checkedAt' => $this->resource->checkedAt->toIso8601String(),
            'generatedAt' => $report['generatedAt'] ?? null,
            'healthy' => (bool) ($report['healthy'] ?? false),
        ];
        foreach (self::SECTIONS as $name) {
            $out[$name] = $this->section($report[$name] ?? null);
        }
        $out['connector']['running'] = $this->connectorRunning($out['connector']);

        return $out;
    }

    /** {status: ok, ...} -> {available: true, reason: null, ...}; unavailable or missing -> available false. */
    private function section(?array $section): array
    {
        if ($section === null) {
            return ['available' => false, 'reason' => $this->resource->reachable() ? 'not reported by the gateway' : null];
        }
        $ok = ($section['status'] ?? null) === 'ok';
        unset($section['status']);

        return ['available' => $ok, 'reason' => $ok ? null : ($section['reason'] ?? 'unavailable')] + $section;
    }

    /** RUNNING only when the connector and every one of its (at least one) tasks are RUNNING. */
    private function connectorRunning(array $c): bool
    {
        $tasks = $c['tasks'] ?? [];

        return $c['available'] && ($c['state'] ?? null) === 'RUNNING' && $tasks !== []
            && collect($tasks)->every(fn ($t) => ($t['state'] ?? null) === 'RUNNING');
    }
}
