<?php

namespace App\Services\Import;

/**
 * Streams the first worksheet of an XLSX file with ZipArchive + XMLReader (constant memory apart
 * from the shared-string table): shared strings (t="s"), inline strings (t="inlineStr"), formula
 * results (t="str"), booleans and numbers. Missing cells are empty strings.
 */
class XlsxReader implements RowReader
{
    /** @var list<string>|null */
    private ?array $shared = null;

    private ?string $sheet = null;

    public function __construct(private string $file)
    {
    }

    public function header(): array
    {
        foreach ($this->sheetRows() as $cells) {
            return array_map('trim', $cells);
        }

        return [];
    }

    public function rows(): \Generator
    {
        $first = true;
        foreach ($this->sheetRows() as $line => $cells) {
            if ($first) {
                $first = false;
                continue;
            }
            if (implode('', $cells) === '') {
                continue;
            }
            yield $line => $cells;
        }
    }

    /** @return \Generator<int, list<string>> */
    private function sheetRows(): \Generator
    {
        $this->sharedStrings();
        $xml = new \XMLReader();
        if (! @$xml->open('zip://'.$this->file.'#'.$this->sheetPath(), null, LIBXML_NONET | LIBXML_COMPACT)) {
            throw new ImportFileError('file', 'The XLSX file has no readable worksheet.');
        }
        try {
            $line = 0;
            while (@$xml->read()) {
                if ($xml->nodeType === \XMLReader::ELEMENT && $xml->localName === 'row') {
                    $line = (int) ($xml->getAttribute('r') ?: $line + 1);
                    $cells = $this->readRow($xml);
                    yield $line => $cells;
                }
            }
        } finally {
            $xml->close();
        }
    }

    /** @return list<string> */
    private function readRow(\XMLReader $xml): array
    {
        $cells = [];
        if ($xml->isEmptyElement) {
            return $cells;
        }
        $depth = $xml->depth;
        $next = 0;
        while (@$xml->read() && ! ($xml->nodeType === \XMLReader::END_ELEMENT && $xml->depth === $depth)) {
            if ($xml->nodeType !== \XMLReader::ELEMENT || $xml->localName !== 'c') {
                continue;
            }
            $ref = (string) $xml->getAttribute('r');
            $index = $ref !== '' ? self::columnIndex($ref) : $next;
            $type = (string) $xml->getAttribute('t');
            $node = $xml->expand();
            $value = '';
            if ($node instanceof \DOMElement) {
                if ($type === 'inlineStr') {
                    $value = $node->getElementsByTagName('is')->item(0)?->textContent ?? '';
                } else {
                    $raw = $node->getElementsByTagName('v')->item(0)?->textContent ?? '';
                    $value = match ($type) {
                        's' => $this->shared[(int) $raw] ?? '',
                        'b' => $raw === '1' ? 'TRUE' : 'FALSE',
                        default => $raw,
                    };
                }
            }
            for ($i = count($cells); $i < $index; $i++) {
                $cells[$i] = '';
            }
            $cells[$index] = $value;
            $next = $index + 1;
        }

        return $cells;
    }

    /** "BC12" -> 54 (0-based column) */
    public static function columnIndex(string $ref): int
    {
        $letters = strtoupper(preg_replace('/\d+/', '', $ref));
        $n = 0;
        foreach (str_split($letters) as $ch) {
            $n = $n * 26 + (ord($ch) - 64);
        }

        return $n - 1;
    }

    private function sharedStrings(): void
    {
        if ($this->shared !== null) {
            return;
        }
        $this->shared = [];
        $zip = new \ZipArchive();
        if ($zip->open($this->file) !== true) {
            throw new ImportFileError('file', 'The file is not a valid XLSX (zip) file.');
        }
        $has = $zip->locateName('xl/sharedStrings.xml') !== false;
        $zip->close();
        if (! $has) {
            return;
        }
        $xml = new \XMLReader();
        $xml->open('zip://'.$this->file.'#xl/sharedStrings.xml', null, LIBXML_NONET | LIBXML_COMPACT);
        while (@$xml->read()) {
            if ($xml->nodeType === \XMLReader::ELEMENT && $xml->localName === 'si') {
                $node = $xml->expand();
                $text = '';
                foreach ($node->getElementsByTagName('t') as $t) {
                    // rich text runs: <r><t>..</t></r>; phonetic runs (<rPh>) are not part of the value
                    if ($t->parentNode->nodeName !== 'rPh') {
                        $text .= $t->textContent;
                    }
                }
                $this->shared[] = $text;
            }
        }
        $xml->close();
    }

    /** The first sheet of the workbook (workbook.xml + its relationships), else sheet1.xml. */
    private function sheetPath(): string
    {
        if ($this->sheet !== null) {
            return $this->sheet;
        }
        $zip = new \ZipArchive();
        if ($zip->open($this->file) !== true) {
            throw new ImportFileError('file', 'The file is not a valid XLSX (zip) file.');
        }
        $this->sheet = 'xl/worksheets/sheet1.xml';
        $workbook = $zip->getFromName('xl/workbook.xml');
        $rels = $zip->getFromName('xl/_rels/workbook.xml.rels');
        if ($workbook && $rels && preg_match('/<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/', $workbook, $m)
            && preg_match('/<Relationship\b[^>]*Id="'.preg_quote($m[1], '/').'"[^>]*Target="([^"]+)"/', $rels, $t)
            || $workbook && $rels && preg_match('/<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/', $workbook, $m)
            && preg_match('/<Relationship\b[^>]*Target="([^"]+)"[^>]*Id="'.preg_quote($m[1], '/').'"/', $rels, $t)) {
            $target = ltrim($t[1], '/');
            $this->sheet = str_starts_with($target, 'xl/') ? $target : 'xl/'.$target;
        }
        if ($zip->locateName($this->sheet) === false) {
            $zip->close();
            throw new ImportFileError('file', 'The XLSX file has no worksheet.');
        }
        $zip->close();

        return $this->sheet;
    }
}
