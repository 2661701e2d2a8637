<?php

namespace App\Http\Requests\Catalog;

use App\Models\Product;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;

/** Create (no route product) or update a product: sku unique, price >= 0, category/brand exist, attributes as key/value rows. */
class ProductRequest extends FormRequest
{
    public function authorize(): bool
    {
        $product = $this->route('product');

        return \Illuminate\Support\Facades\Gate::forUser($this->user())->allows($product ? 'update' : 'create', $product ?? Product::class);
    }

    protected function prepareForValidation(): void
    {
        // rows left empty in the form are not attributes
        $rows = array_values(array_filter((array) $this->input('attributes', []), fn ($r) => is_array($r) && trim((string) ($r['key'] ?? '')) !== ''));
        $this->merge(['attributes' => $rows]);
    }

    public function rules(): array
    {
        $product = $this->route('product');

        return [
            'sku' => ['required', 'string', 'max:64', 'regex:/^[A-Za-z0-9._-]+$/', Rule::unique('products', 'sku')->ignore($product?->id)],
            'name' => ['required', 'string', 'max:255'],
            'description' => ['nullable', 'string', 'max:20000'],
            'price' => ['required', 'numeric', 'min:0', 'max:9999999999.99'],
            'category_id' => ['required', 'integer', 'exists:categories,id'],
            'brand_id' => ['required', 'integer', 'exists:brands,id'],
            'status' => ['required', Rule::in(Product::STATUSES)],
            'on_hand' => ['nullable', 'integer', 'min:0', 'max:2000000000'],
            'attributes' => ['array', 'max:50'],
            'attributes.*.key' => ['required', 'string', 'max:64', 'distinct'],
            'attributes.*.value' => ['nullable', 'string', 'max:255'],
        ];
    }

    public function messages(): array
    {
        return [
            'sku.regex' => 'The sku may only contain letters, digits, dots, dashes and underscores.',
            'attributes.*.key.distinct' => 'The attribute name ":input" is used twice.',
        ];
    }

    /** @return array<string, mixed> product columns */
    public function fields(): array
    {
        $attributes = [];
        foreach ($this->validated()['attributes'] ?? [] as $row) {
            $value = (string) ($row['value'] ?? '');
            $attributes[trim($row['key'])] = is_numeric($value) && ! preg_match('/^0\d/', $value) ? $value + 0 : $value;
        }

        return ['attributes' => $attributes, 'description' => (string) $this->input('description', '')]
            + $this->safe()->only(['sku', 'name', 'price', 'category_id', 'brand_id', 'status']);
    }

    public function onHand(): ?int
    {
        return $this->filled('on_hand') ? (int) $this->input('on_hand') : null;
    }
}
