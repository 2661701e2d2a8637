<?php

namespace App\Services\Import;

/** Streams a UTF-8 CSV (comma or semicolon, detected from the header; a BOM is skipped). */
class CsvReader implements RowReader
{
    private string $delimiter = ',';

    public function __construct(private string $file)
    {
    }

    public function header(): array
    {
        $handle = $this->open();
        $line = fgets($handle);
        fclose($handle);
        if ($line === false) {
            return [];
        }
        $line = $this->stripBom($line);
        $this->delimiter = substr_count($line, ';') > substr_count($line, ',') ? ';' : ',';

        return array_map('trim', str_getcsv(rtrim($line, "\r\n"), $this->delimiter));
    }

    public function rows(): \Generator
    {
        $this->header();
        $handle = $this->open();
        try {
            fgetcsv($handle, 0, $this->delimiter); // header
            $line = 1;
            while (($cells = fgetcsv($handle, 0, $this->delimiter)) !== false) {
                $line++;
                if ($cells === [null]) {
                    continue; // blank line
                }
                yield $line => array_map(fn ($c) => (string) $c, $cells);
            }
        } finally {
            fclose($handle);
        }
    }

    private function open()
    {
        $handle = @fopen($this->file, 'rb');
        if ($handle === false) {
            throw new ImportFileError('file', 'The file could not be read.');
        }
        if (fread($handle, 3) !== "\xEF\xBB\xBF") {
            rewind($handle);
        }

        return $handle;
    }

    private function stripBom(string $line): string
    {
        return str_starts_with($line, "\xEF\xBB\xBF") ? substr($line, 3) : $line;
    }
}
