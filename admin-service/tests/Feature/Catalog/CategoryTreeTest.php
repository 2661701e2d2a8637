<?php

namespace Tests\Feature\Catalog;

use App\Models\Category;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.categories.*: tree with counts, create, rename, subtree move, cycle refusal, delete rules. */
class CategoryTreeTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    public function test_tree_lists_children_under_parents_with_own_and_subtree_counts(): void
    {
        $this->signIn();
        $root = $this->category('Root');
        $child = $this->category('Child', $root);
        $brand = $this->brand();
        $this->product($root, $brand);
        $this->product($child, $brand);
        $this->product($child, $brand);
        $trashed = $this->product($child, $brand);
        $trashed->delete();

        $nodes = collect($this->get('/categories')->assertOk()->assertSee($child->name)->viewData('nodes'));
        $ids = $nodes->pluck('category.id')->all();
        $this->assertSame(array_search($root->id, $ids) + 1, array_search($child->id, $ids), 'the child follows its parent');
        $rootNode = $nodes->firstWhere('category.id', $root->id);
        $childNode = $nodes->firstWhere('category.id', $child->id);
        $this->assertSame([1, 3], [$rootNode['products'], $rootNode['total']]);
        $this->assertSame([2, 2], [$childNode['products'], $childNode['total']]);
    }

    public function test_create_and_rename(): void
    {
        $this->signIn();
        $parent = $this->category('Parent');
        $name = $this->catalogTag().' Lamps';
        $this->post('/categories', ['name' => $name, 'parent_id' => $parent->id])->assertSessionHasNoErrors();
        $lamps = Category::query()->where('name', $name)->firstOrFail();
        $this->assertSame($parent->path.$lamps->id.'/', $lamps->path);

        $this->put("/categories/{$lamps->id}", ['name' => $name.' and lights', 'parent_id' => $parent->id])->assertSessionHasNoErrors();
        $this->assertStringEndsWith('-lamps-and-lights', $lamps->fresh()->slug);
        $this->post('/categories', ['name' => '', 'parent_id' => 999999999])->assertSessionHasErrors(['name', 'parent_id']);
    }

    public function test_moving_a_subtree_rewrites_the_paths_below_it(): void
    {
        $this->signIn();
        $a = $this->category('A');
        $b = $this->category('B', $a);
        $c = $this->category('C', $b);
        $target = $this->category('Target');

        $this->post('/categories/move', ['category' => $b->id, 'new_parent_id' => $target->id])->assertSessionHasNoErrors();
        $this->assertSame($target->path.$b->id.'/', $b->fresh()->path);
        $this->assertSame($target->path.$b->id.'/'.$c->id.'/', $c->fresh()->path);
        $this->assertSame(2, $c->fresh()->depth);

        $this->post('/categories/move', ['category' => $b->id, 'new_parent_id' => ''])->assertSessionHasNoErrors();
        $this->assertSame(0, $b->fresh()->depth);
    }

    public function test_moving_under_itself_or_a_descendant_is_refused_with_a_message(): void
    {
        $this->signIn();
        $a = $this->category('A');
        $b = $this->category('B', $a);
        $c = $this->category('C', $b);

        foreach ([$a, $c] as $target) {
            $this->post('/categories/move', ['category' => $a->id, 'new_parent_id' => $target->id])
                ->assertSessionHasErrors(['parent_id' => "\"{$a->name}\" can't be moved under \"{$target->name}\": it is the category itself or one of its descendants."]);
        }
        $this->assertNull($a->fresh()->parent_id);
        $this->assertSame('/'.$a->id.'/', $a->fresh()->path);
        $this->putJson("/categories/{$a->id}", ['name' => $a->name, 'parent_id' => $c->id])->assertStatus(422)->assertJsonValidationErrors('parent_id');
    }

    public function test_delete_refuses_categories_with_children_or_products(): void
    {
        $this->signIn();
        $a = $this->category('A');
        $b = $this->category('B', $a);
        $this->product($b, $this->brand());

        $this->delete("/categories/{$a->id}")->assertSessionHasErrors('category');
        $this->delete("/categories/{$b->id}")->assertSessionHasErrors('category');
        $empty = $this->category('Empty');
        $this->delete("/categories/{$empty->id}")->assertSessionHasNoErrors();
        $this->assertNull(Category::query()->find($empty->id));
    }
}
