<?php

namespace Tests\Unit;

use App\Casts\PostgresTextArray;
use PHPUnit\Framework\TestCase;

class PostgresTextArrayTest extends TestCase
{
    /** @dataProvider literals */
    public function test_reads_and_writes_text_array_literals(?string $literal, ?array $list): void
    {
        $cast = new PostgresTextArray();

        $this->assertSame($list, $cast->get(null, 'scopes', $literal, []));
        $this->assertSame($list, $cast->get(null, 'scopes', $cast->set(null, 'scopes', $list, []), []), 'round trip');
    }

    public static function literals(): array
    {
        return [
            'null' => [null, null],
            'empty' => ['{}', []],
            'plain' => ['{ops:read,search:reindex}', ['ops:read', 'search:reindex']],
            'quoted with comma, quote and backslash' => ['{"a,b","say \"hi\"","c\\\\d"}', ['a,b', 'say "hi"', 'c\\d']],
        ];
    }
}
