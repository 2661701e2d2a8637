<?php

namespace App\Http\Requests\Orders;

use App\Http\Requests\Concerns\ValidatesDateRange;
use App\Models\Order;
use App\Services\Orders\OrderFilters;
use App\Services\Orders\OrderStateMachineSource;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;
use Illuminate\Validation\Validator;

/** The order list's filters; every refusal names its field. */
class ListOrdersRequest extends FormRequest
{
    use ValidatesDateRange;

    public function authorize(): bool
    {
        return $this->user()->can('viewAny', Order::class);
    }

    public function rules(): array
    {
        return $this->dateRangeRules(false) + [
            'status' => ['nullable', 'string', Rule::in(app(OrderStateMachineSource::class)->machine()->statuses)],
            'email' => ['nullable', 'string', 'max:254'],
            'sku' => ['nullable', 'string', 'max:64'],
            'total_min' => ['nullable', 'numeric', 'min:0'],
            'total_max' => ['nullable', 'numeric', 'min:0', 'gte:total_min'],
        ];
    }

    public function messages(): array
    {
        return $this->dateRangeMessages() + [
            'status.in' => 'Unknown status "'.e((string) $this->input('status')).'": choose one of '.implode(', ', app(OrderStateMachineSource::class)->machine()->statuses).'.',
            'total_min.numeric' => 'The minimum total (total_min) must be a number.',
            'total_max.numeric' => 'The maximum total (total_max) must be a number.',
            'total_min.min' => 'The minimum total (total_min) must be at least 0.',
            'total_max.min' => 'The maximum total (total_max) must be at least 0.',
            'total_max.gte' => 'The maximum total (total_max) must be at least the minimum total (total_min).',
            'email.max' => 'The customer email (email) may be at most 254 characters.',
            'sku.max' => 'The sku may be at most 64 characters.',
        ];
    }

    public function withValidator(Validator $validator): void
    {
        $validator->after(fn (Validator $v) => $this->checkRangeLength($v));
    }

    public function filters(): OrderFilters
    {
        $data = $this->validated();

        return new OrderFilters(
            status: $data['status'] ?? null,
            from: $this->dateInput('from'),
            to: $this->dateInput('to'),
            email: isset($data['email']) && trim($data['email']) !== '' ? mb_strtolower(trim($data['email'])) : null,
            sku: isset($data['sku']) && trim($data['sku']) !== '' ? trim($data['sku']) : null,
            totalMin: isset($data['total_min']) ? (string) $data['total_min'] : null,
            totalMax: isset($data['total_max']) ? (string) $data['total_max'] : null,
        );
    }
}
