<?php

namespace App\Http\Requests\Catalog;

use App\Models\Category;
use Illuminate\Foundation\Http\FormRequest;

/** Create, rename or move a category (the cycle check is CategoryTree's, it needs the tree). */
class CategoryRequest extends FormRequest
{
    public function authorize(): bool
    {
        $category = $this->route('category');

        return \Illuminate\Support\Facades\Gate::forUser($this->user())->allows($category ? 'update' : 'create', $category ?? Category::class);
    }

    public function rules(): array
    {
        return [
            'name' => ['required', 'string', 'max:120'],
            'parent_id' => ['nullable', 'integer', 'exists:categories,id'],
        ];
    }

    public function parentId(): ?int
    {
        return $this->filled('parent_id') ? (int) $this->input('parent_id') : null;
    }
}
