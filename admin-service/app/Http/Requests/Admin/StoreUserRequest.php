<?php

namespace App\Http\Requests\Admin;

use App\Models\User;
use App\Rules\StrongPassword;
use App\Rules\UniqueEmail;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;

class StoreUserRequest extends FormRequest
{
    public function authorize(): bool
    {
        return $this->user()->can('create', User::class);
    }

    public function rules(): array
    {
        return [
            'name' => ['required', 'string', 'max:120'],
            'email' => ['required', 'string', 'email', 'max:254', new UniqueEmail()],
            'role' => ['required', Rule::in([User::ROLE_CUSTOMER, User::ROLE_ADMIN])],
            'password' => ['required', 'string', 'confirmed', 'different:email', StrongPassword::make()],
            'is_disabled' => ['sometimes', 'boolean'],
        ];
    }

    /** @return array{name: string, email: string, role: string, password: string, is_disabled: bool} */
    public function account(): array
    {
        return ['is_disabled' => $this->boolean('is_disabled')] + $this->safe()->only(['name', 'email', 'role', 'password']);
    }
}
