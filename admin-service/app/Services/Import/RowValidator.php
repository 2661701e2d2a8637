<?php

namespace App\Services\Import;

use Illuminate\Support\Str;

/** Turns one import row into product columns, or into its errors ({line, column, message}). */
class RowValidator
{
    /** @var array<string, int> sku (lower) => first line */
    private array $seen = [];

    public function __construct(private ImportColumns $columns, private CatalogLookup $lookup)
    {
    }

    /**
     * @param list<string> $cells
     * @return array{0: array<string, mixed>|null, 1: list<array{line: int, column: string, message: string}>}
     */
    public function validate(int $line, array $cells): array
    {
        $get = fn (string $f) => isset($this->columns->fields[$f]) ? trim((string) ($cells[$this->columns->fields[$f]] ?? '')) : '';
        $errors = [];
        $fail = function (string $field, string $message) use (&$errors, $line) {
            $errors[] = ['line' => $line, 'column' => $this->columns->columnName($field), 'message' => $message];
        };

        $sku = $get('sku');
        if ($sku === '') {
            $fail('sku', 'sku is required');
        } elseif (strlen($sku) > 64 || ! preg_match('/^[A-Za-z0-9._-]+$/', $sku)) {
            $fail('sku', 'sku must be 1-64 letters, digits, dots, dashes or underscores');
        } elseif (isset($this->seen[$key = strtolower($sku)])) {
            $fail('sku', "sku {$sku} already appears on line {$this->seen[$key]}");
        }
        $name = $get('name');
        if ($name === '' || mb_strlen($name) > 255) {
            $fail('name', $name === '' ? 'name is required' : 'name is longer than 255 characters');
        }
        $price = str_replace(',', '.', $get('price'));
        if (! is_numeric($price) || (float) $price < 0 || (float) $price > 9999999999.99) {
            $fail('price', "price must be a number >= 0 (got \"{$get('price')}\")");
        }
        $category = $this->lookup->category($get('category'));
        if (is_string($category)) {
            $fail('category', $get('category') === '' ? 'category is required' : $category);
        }
        $brand = $this->lookup->brand($get('brand'));
        if (is_string($brand)) {
            $fail('brand', $get('brand') === '' ? 'brand is required' : $brand);
        }
        $status = strtolower($get('status')) ?: 'active';
        if (! in_array($status, ['active', 'draft'], true)) {
            $fail('status', "status must be active or draft (got \"{$get('status')}\")");
        }
        $stock = $get('stock');
        if ($stock !== '' && (! ctype_digit($stock) || (int) $stock > 2000000000)) {
            $fail('stock', "stock must be a whole number >= 0 (got \"{$stock}\")");
        }
        $currency = strtoupper($get('currency')) ?: 'USD';
        if (! preg_match('/^[A-Z]{3}$/', $currency)) {
            $fail('currency', 'currency must be a 3-letter code');
        }
        $description = $get('description');
        if (mb_strlen($description) > 20000) {
            $fail('description', 'description is longer than 20000 characters');
        }
        $attributes = [];
        if (($json = $get('attributes')) !== '') {
            $decoded = json_decode($json, true);
            is_array($decoded) && ! array_is_list($decoded) ? $attributes = $decoded : $fail('attributes', 'attributes must be a JSON object, e.g. {"color":"blue"}');
        }
        if ($errors) {
            return [null, $errors];
        }
        $this->seen[strtolower($sku)] = $line;
        foreach ($this->columns->attributes as $attr => $index) {
            $value = trim((string) ($cells[$index] ?? ''));
            if ($value !== '') {
                $attributes[$attr] = is_numeric($value) && ! preg_match('/^0\d/', $value) ? $value + 0 : $value;
            }
        }

        return [[
            'sku' => $sku, 'name' => $name, 'slug' => Str::limit(Str::slug($name), 180, '').'-'.Str::slug($sku),
            'description' => $description, 'price' => number_format((float) $price, 2, '.', ''), 'currency' => $currency,
            'category_id' => $category, 'brand_id' => $brand, 'status' => $status, 'attributes' => $attributes,
            'stock' => $stock === '' ? null : (int) $stock,
        ], []];
    }
}
