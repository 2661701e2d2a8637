<?php

namespace App\Http\Requests\Orders;

use App\Services\Orders\OrderStateMachineSource;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;

/**
 * A status change asked by an admin. Only "is this a status at all" is checked here; whether the
 * move is legal is the gateway's answer (one state machine, enforced in one place).
 */
class ChangeOrderStatusRequest extends FormRequest
{
    public function authorize(): bool
    {
        return $this->user()->can('changeStatus', $this->route('order'));
    }

    public function rules(): array
    {
        return ['status' => ['required', 'string', Rule::in(app(OrderStateMachineSource::class)->machine()->statuses)]];
    }

    public function messages(): array
    {
        return [
            'status.required' => 'Choose the new status (status).',
            'status.in' => 'Unknown status "'.e((string) $this->input('status')).'": choose one of '.implode(', ', app(OrderStateMachineSource::class)->machine()->statuses).'.',
        ];
    }
}
