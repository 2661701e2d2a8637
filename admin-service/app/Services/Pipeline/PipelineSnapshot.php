<?php

namespace App\Services\Pipeline;

use Carbon\CarbonImmutable;

/** What the gateway's ops endpoint said (its report), or why it could not be asked. */
final class PipelineSnapshot
{
    /** @param array<string, mixed>|null $report GET /api/ops/pipeline body */
    public function __construct(
        public readonly ?array $report,
        public readonly ?string $error,
        public readonly CarbonImmutable $checkedAt,
    ) {
    }

    public static function of(array $report): self
    {
        return new self($report, null, CarbonImmutable::now('UTC'));
    }

    public static function failed(string $error): self
    {
        return new self(null, $error, CarbonImmutable::now('UTC'));
    }

    public function reachable(): bool
    {
        return $this->report !== null;
    }
}
