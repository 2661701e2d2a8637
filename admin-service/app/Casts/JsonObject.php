<?php

namespace App\Casts;

use Illuminate\Contracts\Database\Eloquent\CastsAttributes;

/** A jsonb column that must hold an object (products.attributes): an empty map is stored as {}, never []. */
class JsonObject implements CastsAttributes
{
    public function get($model, string $key, $value, array $attributes)
    {
        return $value === null ? [] : (array) json_decode($value, true);
    }

    public function set($model, string $key, $value, array $attributes)
    {
        $value = is_string($value) ? json_decode($value, true) : $value;

        return json_encode(empty($value) ? new \stdClass() : (object) $value, JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
    }
}
