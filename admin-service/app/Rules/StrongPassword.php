<?php

namespace App\Rules;

use App\Services\Passwords\CommonPasswords;
use Illuminate\Contracts\Validation\Rule;

/**
 * The platform's password policy, the same as the gateway's (api-gateway/src/auth/password-policy.ts):
 * 12+ characters, at most 72 bytes (bcrypt reads no more), letters and digits, 5+ different
 * characters, not on the common-passwords list. (Form Requests add different:email.)
 */
class StrongPassword implements Rule
{
    public const MIN = 12;

    public const MAX_BYTES = 72;

    public const MIN_DISTINCT = 5;

    private string $message = '';

    public function __construct(private CommonPasswords $common)
    {
    }

    public static function make(): self
    {
        return new self(app(CommonPasswords::class));
    }

    public function passes($attribute, $value): bool
    {
        $value = (string) $value;
        $this->message = match (true) {
            mb_strlen($value) < self::MIN => 'The :attribute must be at least '.self::MIN.' characters.',
            strlen($value) > self::MAX_BYTES => 'The :attribute must be at most '.self::MAX_BYTES.' bytes.',
            ! preg_match('/[A-Za-z]/', $value) || ! preg_match('/[0-9]/', $value) => 'The :attribute must contain letters and digits.',
            count(array_unique(mb_str_split(mb_strtolower($value)))) < self::MIN_DISTINCT => 'The :attribute must contain at least '.self::MIN_DISTINCT.' different characters.',
            $this->common->contains($value) => 'The :attribute is too common: it is on the list of the most used passwords.',
            default => '',
        };

        return $this->message === '';
    }

    public function message(): string
    {
        return $this->message;
    }
}
