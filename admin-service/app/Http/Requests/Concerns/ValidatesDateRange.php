<?php

namespace App\Http\Requests\Concerns;

use Carbon\CarbonImmutable;
use Illuminate\Validation\Validator;

/**
 * A from/to date range (Y-m-d, both inclusive, in config orders.timezone): `to` on or after
 * `from`, and at most orders.max_range_years long (refused with a message, never capped).
 */
trait ValidatesDateRange
{
    /** @return array<string, list<string>> */
    protected function dateRangeRules(bool $required): array
    {
        $presence = $required ? 'required' : 'nullable';

        return [
            'from' => [$presence, 'date_format:Y-m-d'],
            'to' => [$presence, 'date_format:Y-m-d', 'after_or_equal:from'],
        ];
    }

    /** @return array<string, string> */
    protected function dateRangeMessages(): array
    {
        return [
            'from.required' => 'The start date (from) is required.',
            'to.required' => 'The end date (to) is required.',
            'from.date_format' => 'The start date (from) must be a date like 2026-01-31.',
            'to.date_format' => 'The end date (to) must be a date like 2026-01-31.',
            'to.after_or_equal' => 'The end date (to) must be on or after the start date (from).',
        ];
    }

    protected function checkRangeLength(Validator $validator): void
    {
        $from = $this->dateInput('from');
        $to = $this->dateInput('to');
        $years = (int) config('orders.max_range_years');
        if ($from && $to && $to->greaterThanOrEqualTo($from) && $to->greaterThan($from->addYears($years))) {
            $validator->errors()->add('to', "The date range may span at most {$years} years (from {$from->toDateString()} to {$to->toDateString()} is longer).");
        }
    }

    protected function dateInput(string $field): ?CarbonImmutable
    {
        $value = $this->input($field);
        if (! is_string($value) || ! preg_match('/^\d{4}-\d{2}-\d{2}$/', $value)) {
            return null;
        }
        $date = CarbonImmutable::createFromFormat('!Y-m-d', $value, config('orders.timezone'));

        return $date && $date->format('Y-m-d') === $value ? $date : null;
    }
}
