<?php

namespace App\Services\Import;

/**
 * Whole-file checks before anything is queued: size, UTF-8 (the wrong encoding is named), not
 * empty, header, and at most catalog.import_max_rows data rows (counting stops one row past it).
 */
class FileInspector
{
    /** @return array{reader: RowReader, columns: ImportColumns, rows: int} */
    public function inspect(string $file, string $format, array $mapping = []): array
    {
        if (filesize($file) === 0) {
            throw new ImportFileError('file', 'The file is empty.');
        }
        if ($format === 'csv') {
            $this->assertUtf8($file);
        }
        $reader = $format === 'xlsx' ? new XlsxReader($file) : new CsvReader($file);
        $columns = ImportColumns::resolve($reader->header(), $mapping);
        $max = (int) config('catalog.import_max_rows');
        $rows = 0;
        foreach ($reader->rows() as $_) {
            if (++$rows > $max) {
                throw new ImportFileError('file', 'The file has more than '.number_format($max).' rows (the limit, CATALOG_IMPORT_MAX_ROWS): split it.');
            }
        }
        if ($rows === 0) {
            throw new ImportFileError('file', 'The file has a header but no product rows.');
        }

        return ['reader' => $reader, 'columns' => $columns, 'rows' => $rows];
    }

    private function assertUtf8(string $file): void
    {
        $handle = fopen($file, 'rb');
        $head = fread($handle, 4);
        if (str_starts_with($head, "\xFF\xFE") || str_starts_with($head, "\xFE\xFF")) {
            fclose($handle);
            throw new ImportFileError('file', 'The file is encoded as UTF-16, not UTF-8: save it as "CSV UTF-8".');
        }
        rewind($handle);
        $line = 0;
        while (($text = fgets($handle)) !== false) {
            $line++;
            if (! mb_check_encoding($text, 'UTF-8')) {
                fclose($handle);
                $guess = preg_match('/[\x80-\x9F]/', $text) ? 'Windows-1252' : 'ISO-8859-1 (Latin-1)';
                throw new ImportFileError('file', "The file is not UTF-8 (line {$line} looks like {$guess}): save it as \"CSV UTF-8\".");
            }
        }
        fclose($handle);
    }
}
