<?php

namespace App\Support;

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR) would run as a formula
 * in Excel/LibreOffice (e.g. =cmd|' /C calc'!A0). Exports prefix such cells with a quote.
 */
final class CsvCell
{
    public static function safe(string $value): string
    {
        return $value !== '' && str_contains("=+-@\t\r", $value[0]) && ! is_numeric($value) ? "'".$value : $value;
    }
}
