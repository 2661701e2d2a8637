<?php

namespace App\Services\Reports;

use Carbon\CarbonImmutable;

/** A computed sales report: one row per bucket, range totals, top products and categories. */
final class SalesReport
{
    /**
     * @param list<array{bucket: string, orders: int, units: int, revenue: string, average: string}> $buckets
     * @param array{orders: int, units: int, revenue: string, average: string} $totals
     * @param list<array{id: int, sku: string, name: string, units: int, revenue: string}> $products
     * @param list<array{id: int, name: string, path: string, units: int, revenue: string}> $categories path: 'Men › Jackets'
     */
    public function __construct(
        public readonly string $period,
        public readonly CarbonImmutable $from,
        public readonly CarbonImmutable $to,
        public readonly string $timezone,
        public readonly array $buckets,
        public readonly array $totals,
        public readonly array $products,
        public readonly array $categories,
    ) {
    }

    public function title(): string
    {
        return ['day' => 'Daily', 'week' => 'Weekly', 'month' => 'Monthly'][$this->period].' sales';
    }

    public function rangeLabel(): string
    {
        return "{$this->from->toDateString()} – {$this->to->toDateString()} ({$this->timezone})";
    }

    public function filename(string $extension): string
    {
        return "sales-{$this->period}-{$this->from->toDateString()}-{$this->to->toDateString()}.{$extension}";
    }
}
