<?php

namespace App\Services\Import;

/** A spreadsheet read row by row: the header, then data rows as [line number, list of cell strings]. */
interface RowReader
{
    /** @return list<string> the header cells */
    public function header(): array;

    /** @return \Generator<int, list<string>> line number => cells (the header is line 1) */
    public function rows(): \Generator;
}
