<?php

namespace App\Rules;

use Illuminate\Contracts\Validation\Rule;
use Illuminate\Http\UploadedFile;

/** The upload's CONTENT is a JPEG, PNG, WebP or GIF (sniffed with finfo; the name and the client's type are ignored). */
class SniffedImage implements Rule
{
    public const TYPES = ['image/jpeg' => 'jpg', 'image/png' => 'png', 'image/webp' => 'webp', 'image/gif' => 'gif'];

    private string $found = '';

    public function passes($attribute, $value): bool
    {
        if (! $value instanceof UploadedFile || ! $value->isValid()) {
            return false;
        }
        $this->found = self::sniff($value->getRealPath());

        return isset(self::TYPES[$this->found]);
    }

    public function message(): string
    {
        return 'The :attribute must be a JPEG, PNG, WebP or GIF image'.($this->found ? " (its content is {$this->found})." : '.');
    }

    public static function sniff(string $file): string
    {
        return (string) (new \finfo(FILEINFO_MIME_TYPE))->file($file);
    }
}
