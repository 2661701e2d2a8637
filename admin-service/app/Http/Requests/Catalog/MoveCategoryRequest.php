<?php

namespace App\Http\Requests\Catalog;

use App\Models\Category;
use Illuminate\Foundation\Http\FormRequest;

/** Move a subtree: which category, under which parent (empty = top level). */
class MoveCategoryRequest extends FormRequest
{
    public function authorize(): bool
    {
        return \Illuminate\Support\Facades\Gate::forUser($this->user())->allows('create', Category::class);
    }

    public function rules(): array
    {
        return [
            'category' => ['required', 'integer', 'exists:categories,id'],
            'new_parent_id' => ['nullable', 'integer', 'exists:categories,id'],
        ];
    }

    public function category(): Category
    {
        return Category::query()->findOrFail((int) $this->input('category'));
    }

    public function newParentId(): ?int
    {
        return $this->filled('new_parent_id') ? (int) $this->input('new_parent_id') : null;
    }
}
