<?php

namespace App\Http\Requests\Catalog;

use App\Models\ImportBatch;
use App\Services\Import\ImportColumns;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Support\Facades\Gate;

/** An import upload: a CSV or XLSX under the size limit, dry run flag, optional column mapping. */
class ImportRequest extends FormRequest
{
    public function authorize(): bool
    {
        return Gate::forUser($this->user())->allows('create', ImportBatch::class);
    }

    public function rules(): array
    {
        $fields = array_merge(ImportColumns::REQUIRED, ImportColumns::OPTIONAL);

        return [
            'file' => ['required', 'file', 'max:'.config('catalog.import_max_kb'), function ($attribute, $value, $fail) {
                if (! in_array(strtolower($value->getClientOriginalExtension()), ['csv', 'txt', 'xlsx'], true)) {
                    $fail('The file must be a .csv or .xlsx file.');
                }
            }],
            'dry_run' => ['sometimes', 'boolean'],
            'mapping' => ['sometimes', 'array'],
            'mapping.*' => ['nullable', 'string', 'max:120'],
        ] + array_fill_keys(array_map(fn ($f) => "mapping.$f", $fields), ['nullable', 'string', 'max:120']);
    }

    public function fileFormat(): string
    {
        return strtolower($this->file('file')->getClientOriginalExtension()) === 'xlsx' ? 'xlsx' : 'csv';
    }

    /** @return array<string, string> only the fields mapped to another header */
    public function mapping(): array
    {
        return array_filter(array_map(fn ($v) => trim((string) $v), (array) $this->input('mapping', [])), fn ($v, $k) => $v !== '' && is_string($k), ARRAY_FILTER_USE_BOTH);
    }
}
