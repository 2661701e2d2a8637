<?php

namespace App\Services\Passwords;

/**
 * The platform's list of common passwords (one per line, compared case-insensitively), shared
 * with the gateway's password policy. Loaded once per process.
 */
class CommonPasswords
{
    /** @var array<string, true>|null */
    private ?array $set = null;

    public function __construct(private ?string $path = null)
    {
        $this->path ??= self::defaultPath();
    }

    public static function defaultPath(): string
    {
        return dirname(base_path()).'/api-gateway/src/auth/common-passwords.txt';
    }

    public function contains(string $password): bool
    {
        return isset($this->load()[mb_strtolower($password)]);
    }

    /** @return array<string, true> */
    private function load(): array
    {
        if ($this->set === null) {
            $lines = @file($this->path, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
            if ($lines === false) {
                throw new \RuntimeException("common-password list not readable: {$this->path}");
            }
            $this->set = array_fill_keys(array_map(fn ($l) => mb_strtolower(trim($l)), $lines), true);
        }

        return $this->set;
    }
}
