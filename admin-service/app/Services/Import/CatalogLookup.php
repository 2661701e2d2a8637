<?php

namespace App\Services\Import;

use Illuminate\Support\Facades\DB;

/** Category (id or slug) and brand (slug or name, case-insensitive) references of import rows, loaded once. */
class CatalogLookup
{
    /** @var array<int, true> */
    private array $categoryIds = [];

    /** @var array<string, list<int>> */
    private array $categorySlugs = [];

    /** @var array<string, int> */
    private array $brands = [];

    public function __construct()
    {
        foreach (DB::table('categories')->get(['id', 'slug']) as $c) {
            $this->categoryIds[(int) $c->id] = true;
            $this->categorySlugs[mb_strtolower($c->slug)][] = (int) $c->id;
        }
        foreach (DB::table('brands')->get(['id', 'slug', 'name']) as $b) {
            $this->brands[mb_strtolower($b->name)] = (int) $b->id;
            $this->brands[mb_strtolower($b->slug)] = (int) $b->id;
        }
    }

    /** @return int|string the id, or the error message */
    public function category(string $value): int|string
    {
        if (ctype_digit($value)) {
            return isset($this->categoryIds[(int) $value]) ? (int) $value : "category {$value} does not exist";
        }
        $ids = $this->categorySlugs[mb_strtolower($value)] ?? [];

        return match (count($ids)) {
            1 => $ids[0],
            0 => "category \"{$value}\" does not exist",
            default => "category slug \"{$value}\" is ambiguous (".count($ids).' categories): use the category id',
        };
    }

    /** @return int|string the id, or the error message */
    public function brand(string $value): int|string
    {
        return $this->brands[mb_strtolower($value)] ?? "brand \"{$value}\" does not exist";
    }
}
