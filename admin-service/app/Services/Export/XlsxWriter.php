<?php

namespace App\Services\Export;

/**
 * Writes a one-sheet XLSX with inline strings, row by row: the sheet XML goes to a temp file
 * (constant memory), then it is zipped with the few fixed parts of the package.
 */
class XlsxWriter
{
    private $sheet;

    private string $sheetFile;

    private int $row = 0;

    public function __construct()
    {
        $this->sheetFile = tempnam(sys_get_temp_dir(), 'xlsx-sheet');
        $this->sheet = fopen($this->sheetFile, 'wb');
        fwrite($this->sheet, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'."\n"
            .'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    }

    /** @param list<string|int|float|null> $cells */
    public function addRow(array $cells): void
    {
        $this->row++;
        $xml = '<row r="'.$this->row.'">';
        foreach (array_values($cells) as $i => $value) {
            $ref = self::column($i).$this->row;
            if (is_int($value) || is_float($value)) {
                $xml .= '<c r="'.$ref.'"><v>'.$value.'</v></c>';
            } elseif ($value !== null && $value !== '') {
                $xml .= '<c r="'.$ref.'" t="inlineStr"><is><t xml:space="preserve">'.htmlspecialchars(self::xmlSafe((string) $value), ENT_XML1 | ENT_QUOTES, 'UTF-8').'</t></is></c>';
            }
        }
        fwrite($this->sheet, $xml.'</row>');
    }

    /** Closes the sheet and writes the package to $target. */
    public function finish(string $target): void
    {
        fwrite($this->sheet, '</sheetData></worksheet>');
        fclose($this->sheet);
        $zip = new \ZipArchive();
        $zip->open($target, \ZipArchive::CREATE | \ZipArchive::OVERWRITE);
        $zip->addFromString('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            .'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            .'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            .'<Default Extension="xml" ContentType="application/xml"/>'
            .'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            .'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            .'</Types>');
        $zip->addFromString('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            .'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            .'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            .'</Relationships>');
        $zip->addFromString('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            .'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            .'<sheets><sheet name="Products" sheetId="1" r:id="rId1"/></sheets></workbook>');
        $zip->addFromString('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            .'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            .'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            .'</Relationships>');
        $zip->addFile($this->sheetFile, 'xl/worksheets/sheet1.xml');
        $zip->close();
        @unlink($this->sheetFile);
    }

    public static function column(int $index): string
    {
        $name = '';
        for ($n = $index + 1; $n > 0; $n = intdiv($n - 1, 26)) {
            $name = chr(65 + ($n - 1) % 26).$name;
        }

        return $name;
    }

    private static function xmlSafe(string $s): string
    {
        return preg_replace('/[^\x{9}\x{A}\x{D}\x{20}-\x{D7FF}\x{E000}-\x{FFFD}]/u', '', $s) ?? '';
    }
}
