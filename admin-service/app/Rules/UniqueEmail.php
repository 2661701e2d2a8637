<?php

namespace App\Rules;

use App\Models\User;
use Illuminate\Contracts\Validation\Rule;

/** users.email is unique case-insensitively (index users_email_lower_unique on lower(email)). */
class UniqueEmail implements Rule
{
    public function __construct(private ?int $ignoreUserId = null)
    {
    }

    public function passes($attribute, $value): bool
    {
        return ! User::query()
            ->whereRaw('lower(email) = lower(?)', [trim((string) $value)])
            ->when($this->ignoreUserId !== null, fn ($q) => $q->whereKeyNot($this->ignoreUserId))
            ->exists();
    }

    public function message(): string
    {
        return 'The :attribute has already been taken.';
    }
}
