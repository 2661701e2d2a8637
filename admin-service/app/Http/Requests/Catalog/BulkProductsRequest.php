<?php

namespace App\Http\Requests\Catalog;

use App\Models\Product;
use App\Services\Catalog\BulkProductActions;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rule;

/** A bulk action on the selected ids, or on every product matching the list's filter (scope=filter). */
class BulkProductsRequest extends FormRequest
{
    public function authorize(): bool
    {
        return \Illuminate\Support\Facades\Gate::forUser($this->user())->allows('create', Product::class);
    }

    public function rules(): array
    {
        return [
            'action' => ['required', Rule::in(BulkProductActions::ACTIONS)],
            'scope' => ['required', Rule::in(['selected', 'filter'])],
            'ids' => ['required_if:scope,selected', 'array', 'max:1000'],
            'ids.*' => ['integer'],
            'filter' => ['array'],
            'category_id' => ['required_if:action,category', 'nullable', 'integer', 'exists:categories,id'],
            'status' => ['required_if:action,status', 'nullable', Rule::in(Product::STATUSES)],
            'percent' => ['required_if:action,price', 'nullable', 'numeric', 'min:-99', 'max:1000'],
        ];
    }

    public function messages(): array
    {
        return ['ids.required_if' => 'Select at least one product.'];
    }
}
