<?php

namespace App\Http\Requests\Catalog;

use App\Rules\SniffedImage;
use Illuminate\Foundation\Http\FormRequest;

/** Image uploads: content sniffed (not the name), size limit CATALOG_IMAGE_MAX_KB (default 5 MB), up to 10 at once. */
class ProductImagesRequest extends FormRequest
{
    public function authorize(): bool
    {
        return \Illuminate\Support\Facades\Gate::forUser($this->user())->allows('update', $this->route('product'));
    }

    public function rules(): array
    {
        return [
            'images' => ['required', 'array', 'min:1', 'max:10'],
            'images.*' => ['required', 'file', 'max:'.config('catalog.image_max_kb'), new SniffedImage()],
        ];
    }

    public function attributes(): array
    {
        return ['images.*' => 'image'];
    }
}
