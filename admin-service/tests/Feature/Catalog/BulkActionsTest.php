<?php

namespace Tests\Feature\Catalog;

use App\Models\Product;
use Tests\Concerns\CreatesCatalogRecords;
use Tests\Concerns\LogsInThroughGateway;
use Tests\Concerns\RemovesAdminRecords;
use Tests\TestCase;

/** admin.products.bulk: on a selection and on "all matching the filter", validation, one transaction. */
class BulkActionsTest extends TestCase
{
    use LogsInThroughGateway, RemovesAdminRecords, CreatesCatalogRecords;

    public function test_selection_actions(): void
    {
        $this->signIn();
        $cat = $this->category('A');
        $brand = $this->brand();
        [$p1, $p2, $p3] = [$this->product($cat, $brand, ['price' => '10.00']), $this->product($cat, $brand, ['price' => '20.00']), $this->product($cat, $brand)];
        $target = $this->category('Target');
        $sel = ['scope' => 'selected', 'ids' => [$p1->id, $p2->id]];

        $this->post('/products/bulk', $sel + ['action' => 'price', 'percent' => '-10'])->assertSessionHasNoErrors();
        $this->assertSame(['9.00', '18.00', '10.00'], [$p1->fresh()->price, $p2->fresh()->price, $p3->fresh()->price]);
        $this->post('/products/bulk', $sel + ['action' => 'category', 'category_id' => $target->id])->assertSessionHasNoErrors();
        $this->assertSame($target->id, $p2->fresh()->category_id);
        $this->post('/products/bulk', $sel + ['action' => 'status', 'status' => 'draft'])->assertSessionHasNoErrors();
        $this->assertSame('draft', $p1->fresh()->status);
        $this->post('/products/bulk', $sel + ['action' => 'delete'])->assertSessionHasNoErrors();
        $this->assertSame(1, Product::query()->whereIn('id', [$p1->id, $p2->id, $p3->id])->count());
        $this->post('/products/bulk', $sel + ['action' => 'restore'])->assertSessionHasNoErrors();
        $this->assertSame(3, Product::query()->whereIn('id', [$p1->id, $p2->id, $p3->id])->count());
    }

    public function test_all_matching_the_filter(): void
    {
        $this->signIn();
        $root = $this->category('Root');
        $child = $this->category('Child', $root);
        $brand = $this->brand();
        $inside = [$this->product($child, $brand), $this->product($root, $brand)];
        $outside = $this->product($this->category('Other'), $brand);

        $this->postJson('/products/bulk', ['scope' => 'filter', 'filter' => ['category' => $root->id], 'action' => 'status', 'status' => 'draft'])
            ->assertOk()->assertJson(['queued' => false, 'count' => 2]);
        $this->assertSame(['draft', 'draft', 'active'], [$inside[0]->fresh()->status, $inside[1]->fresh()->status, $outside->fresh()->status]);
    }

    public function test_invalid_bulk_requests_name_the_field_and_change_nothing(): void
    {
        $this->signIn();
        $p = $this->product($this->category('A'), $this->brand(), ['price' => '10.00']);
        $this->post('/products/bulk', ['scope' => 'selected', 'action' => 'delete'])->assertSessionHasErrors('ids');
        $this->post('/products/bulk', ['scope' => 'selected', 'ids' => [$p->id], 'action' => 'price', 'percent' => '-150'])->assertSessionHasErrors('percent');
        $this->post('/products/bulk', ['scope' => 'selected', 'ids' => [$p->id], 'action' => 'category', 'category_id' => 999999999])->assertSessionHasErrors('category_id');
        $this->post('/products/bulk', ['scope' => 'selected', 'ids' => [$p->id], 'action' => 'explode'])->assertSessionHasErrors('action');
        $this->assertSame('10.00', $p->fresh()->price);
        $this->assertNull($p->fresh()->deleted_at);
    }

    public function test_a_large_action_is_queued_and_still_applied_in_one_go(): void
    {
        $this->signIn();
        config(['catalog.bulk_sync_limit' => 1]); // the queue is `sync` in tests: the job runs at once
        $cat = $this->category('A');
        $brand = $this->brand();
        $ids = [$this->product($cat, $brand)->id, $this->product($cat, $brand)->id];
        $this->postJson('/products/bulk', ['scope' => 'selected', 'ids' => $ids, 'action' => 'status', 'status' => 'draft'])
            ->assertOk()->assertJson(['queued' => true, 'count' => 2]);
        $this->assertSame(['draft', 'draft'], Product::query()->whereIn('id', $ids)->pluck('status')->all());
    }
}
