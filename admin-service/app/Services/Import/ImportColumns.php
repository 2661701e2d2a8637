<?php

namespace App\Services\Import;

/**
 * The import's columns: product fields and the header cell each is read from (the mapping;
 * by default the field's own name, case-insensitive). Columns named attr:<name> become attributes; an `attributes` column holds a JSON object (what the export writes).
 */
class ImportColumns
{
    public const REQUIRED = ['sku', 'name', 'price', 'category', 'brand'];

    public const OPTIONAL = ['description', 'status', 'stock', 'currency', 'attributes'];

    /** @var array<string, int> field => column index */
    public array $fields = [];

    /** @var array<string, int> attribute name => column index */
    public array $attributes = [];

    /** @var list<string> */
    public array $header = [];

    /**
     * @param list<string> $header
     * @param array<string, string> $mapping field => header cell (only the fields that differ from the default)
     */
    public static function resolve(array $header, array $mapping = []): self
    {
        $columns = new self();
        $columns->header = $header;
        if ($header === [] || implode('', $header) === '') {
            throw new ImportFileError('file', 'The file is empty: the first row must be the header ('.implode(', ', self::REQUIRED).').');
        }
        $lower = array_map(fn ($h) => mb_strtolower(trim($h)), $header);
        $duplicates = array_unique(array_diff_assoc($lower, array_unique($lower)));
        if ($duplicates) {
            throw new ImportFileError('file', 'Wrong header: the column "'.reset($duplicates).'" appears twice.');
        }
        foreach (array_merge(self::REQUIRED, self::OPTIONAL) as $field) {
            $wanted = mb_strtolower(trim($mapping[$field] ?? $field));
            $index = array_search($wanted, $lower, true);
            if ($index !== false) {
                $columns->fields[$field] = $index;
            } elseif (in_array($field, self::REQUIRED, true)) {
                throw new ImportFileError(isset($mapping[$field]) ? "mapping.$field" : 'file',
                    "Wrong header: no column \"{$wanted}\" for {$field}. Found: ".implode(', ', array_slice($header, 0, 20)).'. Required: '.implode(', ', self::REQUIRED).'.');
            }
        }
        foreach ($lower as $i => $name) {
            if (str_starts_with($name, 'attr:') && strlen($name) > 5) {
                $columns->attributes[trim(substr($header[$i], 5))] = $i;
            }
        }

        return $columns;
    }

    /** Column letter-ish name for the error report: the header cell of a field. */
    public function columnName(string $field): string
    {
        return isset($this->fields[$field]) ? $this->header[$this->fields[$field]] : $field;
    }
}
