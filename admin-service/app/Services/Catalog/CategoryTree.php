<?php

namespace App\Services\Catalog;

use App\Models\Category;
use Illuminate\Database\QueryException;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Str;
use Illuminate\Validation\ValidationException;

/** The category tree: nodes with product counts, create/rename/move (cycles refused), delete of empty leaves. */
class CategoryTree
{
    /**
     * Every category once, in tree order, with `products` (own, not trashed) and `total` (subtree).
     *
     * @return list<array{category: Category, products: int, total: int}>
     */
    public function flatten(): array
    {
        $categories = Category::query()->orderBy('depth')->orderBy('position')->orderBy('name')->get();
        $own = DB::table('products')->whereNull('deleted_at')->selectRaw('category_id, count(*) AS n')->groupBy('category_id')
            ->pluck('n', 'category_id')->map(fn ($n) => (int) $n)->all();
        $total = [];
        foreach ($categories as $c) {
            foreach (array_filter(explode('/', $c->path)) as $ancestorId) {
                $total[(int) $ancestorId] = ($total[(int) $ancestorId] ?? 0) + ($own[$c->id] ?? 0);
            }
        }
        $children = $categories->groupBy(fn ($c) => $c->parent_id ?? 0);
        $out = [];
        $walk = function (int $parentId) use (&$walk, &$out, $children, $own, $total) {
            foreach ($children->get($parentId, []) as $c) {
                $out[] = ['category' => $c, 'products' => $own[$c->id] ?? 0, 'total' => $total[$c->id] ?? 0];
                $walk($c->id);
            }
        };
        $walk(0);

        return $out;
    }

    public function create(string $name, ?int $parentId): Category
    {
        return Category::query()->create(['name' => $name, 'slug' => $this->slug($name, $parentId), 'parent_id' => $parentId]);
    }

    /** Rename and/or move; moving under itself or a descendant is refused with a message on parent_id. */
    public function update(Category $category, string $name, ?int $parentId): Category
    {
        if ($parentId !== null) {
            $parent = Category::query()->findOrFail($parentId);
            if ($parent->id === $category->id || $category->isAncestorOf($parent)) {
                throw $this->cycle($category, $parent);
            }
        }
        try {
            DB::transaction(function () use ($category, $name, $parentId) {
                if ($name !== $category->name || $parentId !== $category->parent_id) {
                    $category->slug = $this->slug($name, $parentId, $category->id);
                }
                $category->name = $name;
                $category->parent_id = $parentId;
                $category->save();
            });
        } catch (QueryException $e) {
            if (str_contains($e->getMessage(), 'categories_no_cycle')) {
                throw $this->cycle($category, Category::query()->find($parentId));
            }
            throw $e;
        }

        return $category->refresh();
    }

    public function delete(Category $category): void
    {
        if ($category->children()->exists()) {
            throw ValidationException::withMessages(['category' => "\"{$category->name}\" has sub-categories: move or delete them first."]);
        }
        if (DB::table('products')->where('category_id', $category->id)->exists()) {
            throw ValidationException::withMessages(['category' => "\"{$category->name}\" still has products (trashed ones count): move them first."]);
        }
        $category->delete();
    }

    private function cycle(Category $category, ?Category $parent): ValidationException
    {
        $target = $parent ? "\"{$parent->name}\"" : 'that category';

        return ValidationException::withMessages(['parent_id' => "\"{$category->name}\" can't be moved under {$target}: it is the category itself or one of its descendants."]);
    }

    private function slug(string $name, ?int $parentId, ?int $exceptId = null): string
    {
        $base = Str::limit(Str::slug($name) ?: 'category', 110, '');
        $slug = $base;
        for ($i = 2; Category::query()->where('slug', $slug)->where('parent_id', $parentId)->when($exceptId, fn ($q) => $q->where('id', '<>', $exceptId))->exists(); $i++) {
            $slug = $base.'-'.$i;
        }

        return $slug;
    }
}
