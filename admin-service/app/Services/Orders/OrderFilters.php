<?php

namespace App\Services\Orders;

use Carbon\CarbonImmutable;

/** Validated filters of the order list; dates are whole days in config orders.timezone. */
final class OrderFilters
{
    public function __construct(
        public readonly ?string $status = null,
        public readonly ?CarbonImmutable $from = null,
        public readonly ?CarbonImmutable $to = null,
        public readonly ?string $email = null,
        public readonly ?string $sku = null,
        public readonly ?string $totalMin = null,
        public readonly ?string $totalMax = null,
    ) {
    }
}
