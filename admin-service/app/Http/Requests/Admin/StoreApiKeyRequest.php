<?php

namespace App\Http\Requests\Admin;

use App\Models\ApiKey;
use Carbon\CarbonImmutable;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;

class StoreApiKeyRequest extends FormRequest
{
    public function authorize(): bool
    {
        return $this->user()->can('create', ApiKey::class);
    }

    public function rules(): array
    {
        return [
            'name' => ['required', 'string', 'max:120'],
            'scopes' => ['required', 'array', 'min:1'],
            'scopes.*' => ['string', Rule::in(ApiKey::SCOPES)],
            'expires_at' => ['nullable', 'date', 'after:now'],
        ];
    }

    public function messages(): array
    {
        return [
            'scopes.required' => 'Choose at least one scope.',
            'scopes.*.in' => 'Unknown scope: the scopes are '.implode(', ', ApiKey::SCOPES).'.',
            'expires_at.after' => 'The expiry must be in the future.',
        ];
    }

    public function expiresAt(): ?CarbonImmutable
    {
        return $this->filled('expires_at') ? CarbonImmutable::parse($this->input('expires_at'), 'UTC') : null;
    }
}
