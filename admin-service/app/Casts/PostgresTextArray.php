<?php

namespace App\Casts;

use Illuminate\Contracts\Database\Eloquent\CastsAttributes;

/** A PostgreSQL text[] column as a PHP list of strings ('{a,"b c"}' <-> ['a', 'b c']). */
class PostgresTextArray implements CastsAttributes
{
    public function get($model, string $key, $value, array $attributes)
    {
        if ($value === null) {
            return null;
        }
        $inner = substr((string) $value, 1, -1);
        if ($inner === '') {
            return [];
        }
        preg_match_all('/"((?:[^"\\\\]|\\\\.)*)"|([^,]+)/', $inner, $m, PREG_SET_ORDER);

        return array_map(
            fn (array $x) => isset($x[2]) && $x[2] !== '' ? $x[2] : stripcslashes($x[1]),
            $m,
        );
    }

    public function set($model, string $key, $value, array $attributes)
    {
        if ($value === null) {
            return null;
        }
        $quoted = array_map(fn ($v) => '"'.addcslashes((string) $v, '"\\').'"', array_values((array) $value));

        return '{'.implode(',', $quoted).'}';
    }
}
