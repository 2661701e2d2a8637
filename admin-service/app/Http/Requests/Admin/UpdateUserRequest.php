<?php

namespace App\Http\Requests\Admin;

use App\Models\User;
use App\Rules\StrongPassword;
use App\Rules\UniqueEmail;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Support\Facades\Gate;
use Illuminate\Validation\Rule;
use Illuminate\Validation\ValidationException;

/**
 * Editing an account. Self-protection comes from UserPolicy (changeRole, disable); a refusal is
 * reported on the field that asked for it, with status 403.
 */
class UpdateUserRequest extends FormRequest
{
    private ?array $denied = null;

    public function authorize(): bool
    {
        $target = $this->target();
        if (! $this->user()->can('update', $target)) {
            return false;
        }
        $checks = [
            'role' => $this->filled('role') && $this->input('role') !== $target->role ? 'changeRole' : null,
            'is_disabled' => $this->boolean('is_disabled') && ! $target->is_disabled ? 'disable' : null,
        ];
        foreach (array_filter($checks) as $field => $ability) {
            $response = Gate::forUser($this->user())->inspect($ability, $target);
            if ($response->denied()) {
                $this->denied = [$field => $response->message()];

                return false;
            }
        }

        return true;
    }

    protected function failedAuthorization()
    {
        if ($this->denied !== null) {
            throw ValidationException::withMessages($this->denied)->status(403);
        }
        parent::failedAuthorization();
    }

    public function rules(): array
    {
        return [
            'name' => ['required', 'string', 'max:120'],
            'email' => ['required', 'string', 'email', 'max:254', new UniqueEmail($this->target()->getKey())],
            'role' => ['required', Rule::in([User::ROLE_CUSTOMER, User::ROLE_ADMIN])],
            'password' => ['nullable', 'string', 'confirmed', 'different:email', StrongPassword::make()],
            'is_disabled' => ['sometimes', 'boolean'],
        ];
    }

    /** @return array{name: string, email: string, role: string, password: ?string, is_disabled?: bool} (no is_disabled key: unchanged) */
    public function changes(): array
    {
        $changes = $this->safe()->only(['name', 'email', 'role', 'password']);

        return $this->has('is_disabled') ? ['is_disabled' => $this->boolean('is_disabled')] + $changes : $changes;
    }

    private function target(): User
    {
        return $this->route('user');
    }
}
