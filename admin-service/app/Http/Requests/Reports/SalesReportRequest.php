<?php

namespace App\Http\Requests\Reports;

use App\Http\Requests\Concerns\ValidatesDateRange;
use App\Models\Order;
use App\Services\Reports\SalesReports;
use Carbon\CarbonImmutable;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;
use Illuminate\Validation\Validator;

/** period (day|week|month, default day) and an optional from/to range (default: the last 30 days). */
class SalesReportRequest extends FormRequest
{
    use ValidatesDateRange;

    public function authorize(): bool
    {
        return $this->user()->can('viewAny', Order::class);
    }

    public function rules(): array
    {
        return $this->dateRangeRules(false) + ['period' => ['nullable', 'string', Rule::in(SalesReports::PERIODS)]];
    }

    public function messages(): array
    {
        return $this->dateRangeMessages() + ['period.in' => 'The period must be one of day, week, month.'];
    }

    public function withValidator(Validator $validator): void
    {
        $validator->after(function (Validator $v) {
            if ($this->filled('from') !== $this->filled('to')) {
                $v->errors()->add($this->filled('from') ? 'to' : 'from', 'Give both ends of the range (from and to) or neither.');
            }
            $this->checkRangeLength($v);
        });
    }

    public function period(): string
    {
        return $this->validated()['period'] ?? 'day';
    }

    /** @return array{0: CarbonImmutable, 1: CarbonImmutable} */
    public function range(): array
    {
        $to = $this->dateInput('to') ?? CarbonImmutable::now(config('orders.timezone'))->startOfDay();

        return [$this->dateInput('from') ?? $to->subDays(29), $to];
    }
}
