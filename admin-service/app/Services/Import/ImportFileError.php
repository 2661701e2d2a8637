<?php

namespace App\Services\Import;

/** A whole-file problem (header, encoding, size, row count): shown on the named field, nothing is imported. */
class ImportFileError extends \RuntimeException
{
    public function __construct(public readonly string $field, string $message)
    {
        parent::__construct($message);
    }
}
